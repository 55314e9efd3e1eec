#include "CICUShim.h"
#include <unicode/utrans.h>

void *tl_trans_open(const uint16_t *id, int32_t idLength, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &code);
  *status = code;
  return U_SUCCESS(code) ? t : NULL;
}

void tl_trans_close(void *transliterator) {
  if (transliterator != NULL) utrans_close((UTransliterator *)transliterator);
}

int32_t tl_trans_apply(const void *transliterator, uint16_t *buffer, int32_t *length,
                       int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t limit = *length;
  int32_t textLength = *length;
  utrans_transUChars((const UTransliterator *)transliterator, (UChar *)buffer, &textLength,
                     capacity, 0, &limit, &code);
  *status = code;
  *length = textLength;
  return textLength;
}
