#include "CICUShim.h"
#include <unicode/ustring.h>
#include <unicode/uchar.h>

int32_t tl_str_fold_case(const uint16_t *source, int32_t length, uint16_t *dest,
                         int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = u_strFoldCase((UChar *)dest, capacity, (const UChar *)source, length,
                            U_FOLD_CASE_DEFAULT, &code);
  *status = code;
  return n;
}

int32_t tl_str_to_upper(const uint16_t *source, int32_t length, const char *locale,
                        uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = u_strToUpper((UChar *)dest, capacity, (const UChar *)source, length, locale, &code);
  *status = code;
  return n;
}

int32_t tl_str_to_lower(const uint16_t *source, int32_t length, const char *locale,
                        uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = u_strToLower((UChar *)dest, capacity, (const UChar *)source, length, locale, &code);
  *status = code;
  return n;
}
