#include "CICUShim.h"
#include <unicode/ubrk.h>

void *tl_brk_open(int32_t kind, const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIteratorType type;
  switch (kind) {
  case TL_BRK_CHARACTER: type = UBRK_CHARACTER; break;
  case TL_BRK_WORD: type = UBRK_WORD; break;
  case TL_BRK_LINE: type = UBRK_LINE; break;
  case TL_BRK_SENTENCE: type = UBRK_SENTENCE; break;
  default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
  UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &code);
  *status = code;
  return U_SUCCESS(code) ? it : NULL;
}

void *tl_brk_clone(const void *iterator, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *it = ubrk_clone((const UBreakIterator *)iterator, &code);
  *status = code;
  return U_SUCCESS(code) ? it : NULL;
}

void tl_brk_close(void *iterator) {
  if (iterator != NULL) ubrk_close((UBreakIterator *)iterator);
}

int32_t tl_brk_boundaries(void *iterator, const uint16_t *text, int32_t length,
                          int32_t *boundaries, int32_t *ruleStatus, int32_t capacity,
                          int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *it = (UBreakIterator *)iterator;
  ubrk_setText(it, (const UChar *)text, length, &code);
  if (U_FAILURE(code)) { *status = code; return 0; }
  int32_t count = 0;
  ubrk_first(it);
  for (int32_t b = ubrk_next(it); b != UBRK_DONE; b = ubrk_next(it)) {
    if (count < capacity) {
      boundaries[count] = b;
      if (ruleStatus != NULL) ruleStatus[count] = ubrk_getRuleStatus(it);
    }
    count++;
  }
  // Detach the caller's buffer so the iterator never points at freed memory.
  ubrk_setText(it, NULL, 0, &code);
  *status = count > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
  return count;
}
