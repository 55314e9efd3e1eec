// CHunspellShim: a thin C layer over the system Hunspell (libhunspell-dev).
//
// Like CICUShim, this header exposes no Hunspell type: only <stdint.h> integers, byte strings
// and an opaque `void *` handle. Words are passed in the dictionary's own encoding (the `SET`
// line of its .aff file, `tl_hunspell_encoding`); converting to and from it is the caller's
// job. A handle is not thread-safe (Hunspell keeps per-call state in it): the caller serializes
// calls on one handle.
#ifndef CHUNSPELLSHIM_H
#define CHUNSPELLSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opens a dictionary from its .aff and .dic paths; returns NULL when either cannot be read.
/// Close it with `tl_hunspell_close`.
void *tl_hunspell_open(const char *affPath, const char *dicPath);
/// Closes a dictionary from `tl_hunspell_open`.
void tl_hunspell_close(void *handle);
/// Returns the dictionary's encoding name ("UTF-8", "ISO8859-1", "KOI8-R"); never NULL, owned
/// by the handle.
const char *tl_hunspell_encoding(void *handle);
/// Returns 1 when the NUL-terminated word (in the dictionary's encoding) is spelled correctly,
/// 0 otherwise.
int32_t tl_hunspell_spell(void *handle, const char *word);
/// Writes up to `maximum` suggestions for the word into `buffer` (in the dictionary's
/// encoding), each followed by a NUL byte, as far as `capacity` allows; returns how many were
/// written.
int32_t tl_hunspell_suggest(void *handle, const char *word, int32_t maximum, char *buffer,
                            int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
