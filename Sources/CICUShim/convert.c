#include "CICUShim.h"
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

int8_t tl_conv_is_known(const char *charset) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &code);
  if (converter == NULL || U_FAILURE(code)) return 0;
  ucnv_close(converter);
  return 1;
}

int32_t tl_conv_to_utf16(const char *charset, const uint8_t *source, int32_t length,
                         uint16_t *dest, int32_t capacity, int32_t *errorOffset,
                         int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  *errorOffset = -1;
  UConverter *converter = ucnv_open(charset, &code);
  if (converter == NULL || U_FAILURE(code)) {
    *status = U_FAILURE(code) ? code : U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  code = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
  UChar *target = (UChar *)dest;
  const char *start = (const char *)source;
  const char *cursor = start;
  ucnv_toUnicode(converter, &target, (UChar *)dest + capacity, &cursor, start + length, NULL, 1,
                 &code);
  int32_t written = (int32_t)(target - (UChar *)dest);
  if (code == U_BUFFER_OVERFLOW_ERROR) {
    ucnv_close(converter);
    *status = code;
    return capacity * 2 + 16;
  }
  if (U_FAILURE(code)) {
    char invalid[32];
    int8_t invalidLength = (int8_t)sizeof(invalid);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
    if (U_FAILURE(ignored)) invalidLength = 0;
    *errorOffset = (int32_t)(cursor - start) - invalidLength;
  }
  ucnv_close(converter);
  *status = code;
  return written;
}

int32_t tl_conv_from_utf16(const char *charset, const uint16_t *source, int32_t length,
                           uint8_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &code);
  if (converter == NULL || U_FAILURE(code)) {
    *status = U_FAILURE(code) ? code : U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  code = U_ZERO_ERROR;
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
  char *target = (char *)dest;
  const UChar *cursor = (const UChar *)source;
  ucnv_fromUnicode(converter, &target, (char *)dest + capacity, &cursor,
                   (const UChar *)source + length, NULL, 1, &code);
  int32_t written = (int32_t)(target - (char *)dest);
  ucnv_close(converter);
  *status = code;
  if (code == U_BUFFER_OVERFLOW_ERROR) return capacity * 2 + 16;
  return written;
}
