// CICUShim: a thin C layer over the system ICU (libicu-dev).
//
// This header deliberately exposes no ICU type: only <stdint.h> integers, UTF-16 buffers as
// uint16_t pointers and opaque `void *` handles. Swift's Foundation carries its own ICU module,
// and importing the system ICU headers beside it does not compile (see DESIGN.md). Every
// function takes an `int32_t *status` out-parameter holding ICU's UErrorCode value: 0 or negative
// is success (warnings), positive is failure, 15 (U_BUFFER_OVERFLOW_ERROR) means "call again with
// the capacity returned".
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Versions and errors

/// Writes ICU's version ("72.1") into `buffer` (NUL-terminated, at most `capacity` bytes).
void tl_icu_version(char *buffer, int32_t capacity);
/// Returns ICU's symbolic name for an error code ("U_ILLEGAL_ARGUMENT_ERROR"); never NULL.
const char *tl_icu_error_name(int32_t status);

// MARK: - Normalization (unorm2)

/// Kinds accepted by `tl_norm_instance`.
enum {
  TL_NORM_NFC = 0,
  TL_NORM_NFD = 1,
  TL_NORM_NFKC = 2,
  TL_NORM_NFKD = 3,
  TL_NORM_NFKC_CASEFOLD = 4,
};
/// Returns the shared normalizer of the given kind (owned by ICU, never closed), NULL on failure.
const void *tl_norm_instance(int32_t kind, int32_t *status);
/// Normalizes `source`; returns the length of the result (which may exceed `capacity`: overflow).
int32_t tl_norm_normalize(const void *norm, const uint16_t *source, int32_t length,
                          uint16_t *dest, int32_t capacity, int32_t *status);
/// Returns the end of the prefix of `source` that is certainly normalized already.
int32_t tl_norm_span_quick_check_yes(const void *norm, const uint16_t *source, int32_t length,
                                     int32_t *status);
/// Returns 1 when the code point always starts a normalization chunk, 0 otherwise.
int8_t tl_norm_has_boundary_before(const void *norm, int32_t codePoint);
/// Returns 1 when `source` is normalized, 0 otherwise.
int8_t tl_norm_is_normalized(const void *norm, const uint16_t *source, int32_t length,
                             int32_t *status);

// MARK: - Case (ustring)

/// Full Unicode case folding of `source` (default options); returns the result length.
int32_t tl_str_fold_case(const uint16_t *source, int32_t length, uint16_t *dest,
                         int32_t capacity, int32_t *status);
/// Full Unicode upper-casing for a locale ("" = root); returns the result length.
int32_t tl_str_to_upper(const uint16_t *source, int32_t length, const char *locale,
                        uint16_t *dest, int32_t capacity, int32_t *status);
/// Full Unicode lower-casing for a locale ("" = root); returns the result length.
int32_t tl_str_to_lower(const uint16_t *source, int32_t length, const char *locale,
                        uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: - Character properties (uchar, uscript)

/// Property selectors for `tl_char_has_property`.
enum {
  TL_PROP_ALPHABETIC = 0,
  TL_PROP_WHITE_SPACE = 1,
  TL_PROP_DEFAULT_IGNORABLE = 2,
  TL_PROP_BIDI_CONTROL = 3,
  TL_PROP_UPPERCASE = 4,
  TL_PROP_LOWERCASE = 5,
  TL_PROP_DASH = 6,
  TL_PROP_QUOTATION_MARK = 7,
  TL_PROP_JOIN_CONTROL = 8,
  TL_PROP_DIACRITIC = 9,
  TL_PROP_EXTENDED_PICTOGRAPHIC = 10,
  TL_PROP_VARIATION_SELECTOR = 11,
};
/// Returns 1 when the code point has the binary property, 0 otherwise.
int8_t tl_char_has_property(int32_t codePoint, int32_t property);
/// Returns the general category as ICU's UCharCategory number (e.g. 1 = Lu, 2 = Ll, 16 = Cf).
int32_t tl_char_category(int32_t codePoint);
/// Returns the Script property as ICU's UScriptCode number (0 = Common, 1 = Inherited, 8 = Cyrillic, 25 = Latin).
int32_t tl_char_script(int32_t codePoint);
/// Writes the short name of a script code ("Cyrl") into `buffer`; returns 0 when unknown.
int32_t tl_script_short_name(int32_t script, char *buffer, int32_t capacity);
/// Simple lower-case mapping of one code point.
int32_t tl_char_to_lower(int32_t codePoint);
/// Simple upper-case mapping of one code point.
int32_t tl_char_to_upper(int32_t codePoint);
/// Writes the Unicode name of a code point ("ZERO WIDTH SPACE") into `buffer` (NUL-terminated);
/// returns its length, 0 when the code point has no name (controls) or on failure.
int32_t tl_char_name(int32_t codePoint, char *buffer, int32_t capacity);

// MARK: - Break iteration (ubrk)

/// Kinds accepted by `tl_brk_open`.
enum {
  TL_BRK_CHARACTER = 0,
  TL_BRK_WORD = 1,
  TL_BRK_LINE = 2,
  TL_BRK_SENTENCE = 3,
};
/// Opens a break iterator for `locale` ("" = root); close it with `tl_brk_close`.
void *tl_brk_open(int32_t kind, const char *locale, int32_t *status);
/// Returns an independent copy of an iterator (for another thread); close it with `tl_brk_close`.
void *tl_brk_clone(const void *iterator, int32_t *status);
/// Closes an iterator from `tl_brk_open` or `tl_brk_clone`.
void tl_brk_close(void *iterator);
/// Sets the text and writes every boundary after 0, with the rule status of the segment it
/// ends, into `boundaries`/`ruleStatus` (up to `capacity`). Returns the number of boundaries
/// found, which may exceed `capacity` (then call again with a larger buffer). The text must
/// stay alive only for the duration of the call.
int32_t tl_brk_boundaries(void *iterator, const uint16_t *text, int32_t length,
                          int32_t *boundaries, int32_t *ruleStatus, int32_t capacity,
                          int32_t *status);

// MARK: - Transliteration (utrans)

/// Opens a transliterator by id ("Russian-Latin/BGN", "Any-Latin"); close with `tl_trans_close`.
void *tl_trans_open(const uint16_t *id, int32_t idLength, int32_t *status);
/// Closes a transliterator.
void tl_trans_close(void *transliterator);
/// Transliterates `buffer` in place: `*length` is the text length on entry and on exit; returns
/// the needed length (overflow when it exceeds `capacity`).
int32_t tl_trans_apply(const void *transliterator, uint16_t *buffer, int32_t *length,
                       int32_t capacity, int32_t *status);

// MARK: - Spoof checking (uspoof)

/// Opens a spoof checker configured for mixed-script confusables; close with `tl_spoof_close`.
void *tl_spoof_open(int32_t *status);
/// Closes a spoof checker.
void tl_spoof_close(void *checker);
/// Returns ICU's check result bitmask for `text` (0 = nothing suspicious).
int32_t tl_spoof_check(const void *checker, const uint16_t *text, int32_t length, int32_t *status);
/// Writes the confusable skeleton of `text`; returns its length.
int32_t tl_spoof_skeleton(const void *checker, const uint16_t *text, int32_t length,
                          uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: - Collation (ucol)

/// Opens a collator for `locale` ("ru", "en"); close with `tl_coll_close`.
void *tl_coll_open(const char *locale, int32_t *status);
/// Closes a collator.
void tl_coll_close(void *collator);
/// Compares two strings: -1, 0 or 1.
int32_t tl_coll_compare(const void *collator, const uint16_t *a, int32_t aLength,
                        const uint16_t *b, int32_t bLength);
/// Writes the sort key of `text`; returns its length in bytes.
int32_t tl_coll_sort_key(const void *collator, const uint16_t *text, int32_t length,
                         uint8_t *dest, int32_t capacity);

// MARK: - Regular expressions (uregex)

/// Flags accepted by `tl_regex_open` (same values as ICU's URegexpFlag).
enum {
  TL_REGEX_CASE_INSENSITIVE = 2,
  TL_REGEX_COMMENTS = 4,
  TL_REGEX_DOTALL = 32,
  TL_REGEX_MULTILINE = 8,
  TL_REGEX_UWORD = 256,
};
/// Compiles a pattern; on a syntax error sets `*status` and the 1-based `errorLine`/`errorOffset`.
void *tl_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                    int32_t *errorLine, int32_t *errorOffset, int32_t *status);
/// Returns an independent copy of a compiled pattern (one per thread); close with `tl_regex_close`.
void *tl_regex_clone(const void *regex, int32_t *status);
/// Closes a compiled pattern.
void tl_regex_close(void *regex);
/// Sets the subject text (which must stay alive while matching) and a time limit in ICU's
/// steps of roughly a millisecond (0 = none).
void tl_regex_set_text(void *regex, const uint16_t *text, int32_t length, int32_t timeLimit,
                       int32_t *status);
/// Finds the next match: returns 1 and writes its UTF-16 start and end, or 0 when there is none.
/// A hit time limit sets `*status` to U_REGEX_TIME_OUT (66321).
int8_t tl_regex_find_next(void *regex, int32_t *start, int32_t *end, int32_t *status);

// MARK: - Charset conversion (ucnv)

/// Returns 1 when ICU has a converter for the charset name or alias ("KOI8-R", "CP1251"), else 0.
int8_t tl_conv_is_known(const char *charset);
/// Converts `length` bytes in `charset` to UTF-16 and returns the UTF-16 length; on overflow
/// sets `*status` to 15 and returns a larger capacity to try. An illegal or unmappable byte
/// sequence stops the conversion with a failure status and its byte offset in `*errorOffset`
/// (-1 otherwise).
int32_t tl_conv_to_utf16(const char *charset, const uint8_t *source, int32_t length,
                         uint16_t *dest, int32_t capacity, int32_t *errorOffset,
                         int32_t *status);
/// Converts UTF-16 to `charset` and returns the byte length; on overflow sets `*status` to 15
/// and returns a larger capacity to try. A character the charset cannot represent stops the
/// conversion with a failure status.
int32_t tl_conv_from_utf16(const char *charset, const uint16_t *source, int32_t length,
                           uint8_t *dest, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
