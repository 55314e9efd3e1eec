#include "CICUShim.h"
#include <unicode/uspoof.h>

void *tl_spoof_open(int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  USpoofChecker *sc = uspoof_open(&code);
  if (U_SUCCESS(code)) {
    uspoof_setChecks(sc, USPOOF_MIXED_SCRIPT_CONFUSABLE | USPOOF_RESTRICTION_LEVEL, &code);
    uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
  }
  *status = code;
  if (U_FAILURE(code) && sc != NULL) { uspoof_close(sc); return NULL; }
  return sc;
}

void tl_spoof_close(void *checker) {
  if (checker != NULL) uspoof_close((USpoofChecker *)checker);
}

int32_t tl_spoof_check(const void *checker, const uint16_t *text, int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t r = uspoof_check((const USpoofChecker *)checker, (const UChar *)text, length, NULL, &code);
  *status = code;
  return r;
}

int32_t tl_spoof_skeleton(const void *checker, const uint16_t *text, int32_t length,
                          uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = uspoof_getSkeleton((const USpoofChecker *)checker, 0, (const UChar *)text, length,
                                 (UChar *)dest, capacity, &code);
  *status = code;
  return n;
}
