#include "CICUShim.h"
#include <unicode/uchar.h>
#include <unicode/uscript.h>

int8_t tl_char_has_property(int32_t c, int32_t property) {
  UProperty which;
  switch (property) {
  case TL_PROP_ALPHABETIC: which = UCHAR_ALPHABETIC; break;
  case TL_PROP_WHITE_SPACE: which = UCHAR_WHITE_SPACE; break;
  case TL_PROP_DEFAULT_IGNORABLE: which = UCHAR_DEFAULT_IGNORABLE_CODE_POINT; break;
  case TL_PROP_BIDI_CONTROL: which = UCHAR_BIDI_CONTROL; break;
  case TL_PROP_UPPERCASE: which = UCHAR_UPPERCASE; break;
  case TL_PROP_LOWERCASE: which = UCHAR_LOWERCASE; break;
  case TL_PROP_DASH: which = UCHAR_DASH; break;
  case TL_PROP_QUOTATION_MARK: which = UCHAR_QUOTATION_MARK; break;
  case TL_PROP_JOIN_CONTROL: which = UCHAR_JOIN_CONTROL; break;
  case TL_PROP_DIACRITIC: which = UCHAR_DIACRITIC; break;
  case TL_PROP_EXTENDED_PICTOGRAPHIC: which = UCHAR_EXTENDED_PICTOGRAPHIC; break;
  case TL_PROP_VARIATION_SELECTOR: which = UCHAR_VARIATION_SELECTOR; break;
  default: return 0;
  }
  return u_hasBinaryProperty((UChar32)c, which) ? 1 : 0;
}

int32_t tl_char_category(int32_t c) { return (int32_t)u_charType((UChar32)c); }

int32_t tl_char_script(int32_t c) {
  UErrorCode code = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript((UChar32)c, &code);
  return U_SUCCESS(code) ? (int32_t)s : 0;
}

int32_t tl_script_short_name(int32_t script, char *buffer, int32_t capacity) {
  const char *name = uscript_getShortName((UScriptCode)script);
  if (name == NULL) return 0;
  int32_t i = 0;
  for (; i + 1 < capacity && name[i] != 0; i++) buffer[i] = name[i];
  if (capacity > 0) buffer[i] = 0;
  return i;
}

int32_t tl_char_to_lower(int32_t c) { return (int32_t)u_tolower((UChar32)c); }
int32_t tl_char_to_upper(int32_t c) { return (int32_t)u_toupper((UChar32)c); }

int32_t tl_char_name(int32_t c, char *buffer, int32_t capacity) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = u_charName((UChar32)c, U_UNICODE_CHAR_NAME, buffer, capacity, &code);
  if (U_FAILURE(code) || n >= capacity) {
    if (capacity > 0) buffer[0] = 0;
    return 0;
  }
  return n;
}
