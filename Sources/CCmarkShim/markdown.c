#include "CCmarkShim.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
  tl_markdown_item *items;
  int32_t count, capacity;
  char *strings;
  int32_t length, stringsCapacity;
  int failed;
} collector;

static tl_markdown_item *add_item(collector *c) {
  if (c->failed) return NULL;
  if (c->count == c->capacity) {
    int32_t capacity = c->capacity ? c->capacity * 2 : 64;
    tl_markdown_item *items = realloc(c->items, (size_t)capacity * sizeof *items);
    if (!items) { c->failed = 1; return NULL; }
    c->items = items;
    c->capacity = capacity;
  }
  tl_markdown_item *item = &c->items[c->count++];
  memset(item, 0, sizeof *item);
  return item;
}

static void add_string(collector *c, const char *s, int32_t *offset, int32_t *length) {
  *offset = 0;
  *length = 0;
  if (!s || c->failed) return;
  size_t n = strlen(s);
  if (n > INT32_MAX / 4) { c->failed = 1; return; }
  while ((size_t)c->length + n > (size_t)c->stringsCapacity) {
    int32_t capacity = c->stringsCapacity ? c->stringsCapacity * 2 : 1024;
    char *strings = realloc(c->strings, (size_t)capacity);
    if (!strings) { c->failed = 1; return; }
    c->strings = strings;
    c->stringsCapacity = capacity;
  }
  memcpy(c->strings + c->length, s, n);
  *offset = c->length;
  *length = (int32_t)n;
  c->length += (int32_t)n;
}

static void positions(tl_markdown_item *item, cmark_node *node) {
  item->startLine = cmark_node_get_start_line(node);
  item->startColumn = cmark_node_get_start_column(node);
  item->endLine = cmark_node_get_end_line(node);
  item->endColumn = cmark_node_get_end_column(node);
}

int32_t tl_markdown_parse(const char *bytes, int64_t length, tl_markdown_result *result) {
  memset(result, 0, sizeof *result);
  collector c = {0};
  pthread_mutex_lock(&lock);
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
  cmark_node *document = NULL;
  if (!parser) { c.failed = 1; goto done; }
  cmark_syntax_extension *autolink = cmark_find_syntax_extension("autolink");
  if (autolink) cmark_parser_attach_syntax_extension(parser, autolink);
  cmark_parser_feed(parser, bytes, (size_t)length);
  document = cmark_parser_finish(parser);
  if (!document) { c.failed = 1; goto done; }

  cmark_iter *iter = cmark_iter_new(document);
  if (!iter) { c.failed = 1; goto done; }
  int32_t quotes = 0;
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE && !c.failed) {
    cmark_node *node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_BLOCK_QUOTE) {
      quotes += event == CMARK_EVENT_ENTER ? 1 : -1;
      continue;
    }
    if (event != CMARK_EVENT_ENTER) continue;
    tl_markdown_item *item = NULL;
    switch (type) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      if (!(item = add_item(&c))) break;
      item->kind = type == CMARK_NODE_PARAGRAPH ? TL_MD_PARAGRAPH : TL_MD_HEADING;
      item->level = type == CMARK_NODE_HEADING ? cmark_node_get_heading_level(node) : 0;
      item->quotes = quotes;
      positions(item, node);
      break;
    case CMARK_NODE_CODE:
      if (!(item = add_item(&c))) break;
      item->kind = TL_MD_CODE;
      positions(item, node);
      break;
    case CMARK_NODE_HTML_INLINE:
      if (!(item = add_item(&c))) break;
      item->kind = TL_MD_HTML;
      positions(item, node);
      add_string(&c, cmark_node_get_literal(node), &item->textOffset, &item->textLength);
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
      if (!(item = add_item(&c))) break;
      item->kind = type == CMARK_NODE_LINK ? TL_MD_LINK : TL_MD_IMAGE;
      positions(item, node);
      add_string(&c, cmark_node_get_url(node), &item->urlOffset, &item->urlLength);
      cmark_node *child = cmark_node_first_child(node);
      if (child && !cmark_node_next(child) && cmark_node_get_type(child) == CMARK_NODE_TEXT) {
        item->childLine = cmark_node_get_start_line(child);
        item->childColumn = cmark_node_get_start_column(child);
        add_string(&c, cmark_node_get_literal(child), &item->textOffset, &item->textLength);
      }
      break;
    }
    default:
      break;
    }
  }
  cmark_iter_free(iter);

done:
  if (document) cmark_node_free(document);
  if (parser) cmark_parser_free(parser);
  pthread_mutex_unlock(&lock);
  if (c.failed) {
    free(c.items);
    free(c.strings);
    return -1;
  }
  result->items = c.items;
  result->count = c.count;
  result->strings = c.strings;
  result->stringsLength = c.length;
  return 0;
}

void tl_markdown_free(tl_markdown_result *result) {
  free(result->items);
  free(result->strings);
  memset(result, 0, sizeof *result);
}

const char *tl_markdown_version(void) { return cmark_version_string(); }
