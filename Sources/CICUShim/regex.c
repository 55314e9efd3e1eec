#include "CICUShim.h"
#include <unicode/uregex.h>

void *tl_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                    int32_t *errorLine, int32_t *errorOffset, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UParseError pe;
  pe.line = 0;
  pe.offset = 0;
  URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &code);
  *status = code;
  *errorLine = pe.line;
  *errorOffset = pe.offset;
  return U_SUCCESS(code) ? re : NULL;
}

void *tl_regex_clone(const void *regex, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *re = uregex_clone((const URegularExpression *)regex, &code);
  *status = code;
  return U_SUCCESS(code) ? re : NULL;
}

void tl_regex_close(void *regex) {
  if (regex != NULL) uregex_close((URegularExpression *)regex);
}

void tl_regex_set_text(void *regex, const uint16_t *text, int32_t length, int32_t timeLimit,
                       int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  uregex_setText((URegularExpression *)regex, (const UChar *)text, length, &code);
  if (U_SUCCESS(code)) uregex_setTimeLimit((URegularExpression *)regex, timeLimit, &code);
  *status = code;
}

int8_t tl_regex_find_next(void *regex, int32_t *start, int32_t *end, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *re = (URegularExpression *)regex;
  UBool found = uregex_findNext(re, &code);
  if (U_SUCCESS(code) && found) {
    *start = uregex_start(re, 0, &code);
    *end = uregex_end(re, 0, &code);
  }
  *status = code;
  return (U_SUCCESS(code) && found) ? 1 : 0;
}
