#include "CICUShim.h"
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

const void *tl_norm_instance(int32_t kind, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *norm = NULL;
  switch (kind) {
  case TL_NORM_NFC: norm = unorm2_getNFCInstance(&code); break;
  case TL_NORM_NFD: norm = unorm2_getNFDInstance(&code); break;
  case TL_NORM_NFKC: norm = unorm2_getNFKCInstance(&code); break;
  case TL_NORM_NFKD: norm = unorm2_getNFKDInstance(&code); break;
  case TL_NORM_NFKC_CASEFOLD: norm = unorm2_getNFKCCasefoldInstance(&code); break;
  default: code = U_ILLEGAL_ARGUMENT_ERROR;
  }
  *status = code;
  return U_SUCCESS(code) ? norm : NULL;
}

int32_t tl_norm_normalize(const void *norm, const uint16_t *source, int32_t length,
                          uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = unorm2_normalize((const UNormalizer2 *)norm, (const UChar *)source, length,
                               (UChar *)dest, capacity, &code);
  *status = code;
  return n;
}

int32_t tl_norm_span_quick_check_yes(const void *norm, const uint16_t *source, int32_t length,
                                     int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = unorm2_spanQuickCheckYes((const UNormalizer2 *)norm, (const UChar *)source, length,
                                       &code);
  *status = code;
  return n;
}

int8_t tl_norm_has_boundary_before(const void *norm, int32_t codePoint) {
  return unorm2_hasBoundaryBefore((const UNormalizer2 *)norm, (UChar32)codePoint) ? 1 : 0;
}

int8_t tl_norm_is_normalized(const void *norm, const uint16_t *source, int32_t length,
                             int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBool yes = unorm2_isNormalized((const UNormalizer2 *)norm, (const UChar *)source, length, &code);
  *status = code;
  return yes ? 1 : 0;
}
