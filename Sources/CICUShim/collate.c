#include "CICUShim.h"
#include <unicode/ucol.h>

void *tl_coll_open(const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UCollator *c = ucol_open(locale, &code);
  *status = code;
  return U_SUCCESS(code) ? c : NULL;
}

void tl_coll_close(void *collator) {
  if (collator != NULL) ucol_close((UCollator *)collator);
}

int32_t tl_coll_compare(const void *collator, const uint16_t *a, int32_t aLength,
                        const uint16_t *b, int32_t bLength) {
  UCollationResult r = ucol_strcoll((const UCollator *)collator, (const UChar *)a, aLength,
                                    (const UChar *)b, bLength);
  return r == UCOL_LESS ? -1 : (r == UCOL_GREATER ? 1 : 0);
}

int32_t tl_coll_sort_key(const void *collator, const uint16_t *text, int32_t length,
                         uint8_t *dest, int32_t capacity) {
  return ucol_getSortKey((const UCollator *)collator, (const UChar *)text, length, dest, capacity);
}
