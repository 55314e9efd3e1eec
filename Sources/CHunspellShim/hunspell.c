#include "CHunspellShim.h"
#include <hunspell/hunspell.h>
#include <string.h>

void *tl_hunspell_open(const char *affPath, const char *dicPath) {
  return Hunspell_create(affPath, dicPath);
}

void tl_hunspell_close(void *handle) {
  if (handle != NULL) Hunspell_destroy((Hunhandle *)handle);
}

const char *tl_hunspell_encoding(void *handle) {
  const char *encoding = Hunspell_get_dic_encoding((Hunhandle *)handle);
  return encoding != NULL ? encoding : "ISO8859-1";
}

int32_t tl_hunspell_spell(void *handle, const char *word) {
  return Hunspell_spell((Hunhandle *)handle, word) != 0 ? 1 : 0;
}

int32_t tl_hunspell_suggest(void *handle, const char *word, int32_t maximum, char *buffer,
                            int32_t capacity) {
  char **list = NULL;
  int count = Hunspell_suggest((Hunhandle *)handle, &list, word);
  int32_t written = 0;
  int32_t used = 0;
  for (int i = 0; i < count && written < maximum; i++) {
    size_t length = strlen(list[i]);
    if ((int64_t)used + (int64_t)length + 1 > capacity) break;
    memcpy(buffer + used, list[i], length + 1);
    used += (int32_t)length + 1;
    written++;
  }
  if (list != NULL) Hunspell_free_list((Hunhandle *)handle, &list, count);
  return written;
}
