// CCmarkShim: a thin C layer over GitHub's cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
//
// Like CICUShim and CHunspellShim, this header exposes no cmark type: only <stdint.h> integers
// and plain structs. `tl_markdown_parse` parses UTF-8 Markdown (CommonMark with GitHub's
// autolink extension, with source positions) and lists, in document order, the blocks that
// hold prose (paragraphs, headings) and, after each, the inline nodes of it that are not prose or
// that locate what is (code spans, raw HTML, links and images). Lines and columns are cmark's:
// 1-based, columns in bytes of the line. cmark-gfm's inline columns are not reliable past a
// block's first line (they count from the block's first column and ignore each line's own
// indentation) nor for the autolink extension's links; the caller corrects and checks them
// against the text (see MarkdownReader.swift).
#ifndef CCMARKSHIM_H
#define CCMARKSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  TL_MD_PARAGRAPH = 1,
  TL_MD_HEADING = 2,     // level in `level`
  TL_MD_CODE = 10,       // a code span; its start is the first unit after the opening backticks
  TL_MD_HTML = 11,       // raw inline HTML; `text` is its literal source (lines joined by "\n")
  TL_MD_LINK = 12,       // a link; `url`, and `text` with `child*` when its one child is text
  TL_MD_IMAGE = 13,      // an image; `url`
};

typedef struct tl_markdown_item {
  int32_t kind;
  int32_t level;         // TL_MD_HEADING: 1-6
  int32_t quotes;        // TL_MD_PARAGRAPH, TL_MD_HEADING: how many block quotes it is inside
  int32_t startLine, startColumn, endLine, endColumn;
  int32_t childLine, childColumn;  // TL_MD_LINK: the start of its only text child, or 0
  int32_t textOffset, textLength;  // into `strings`
  int32_t urlOffset, urlLength;    // into `strings`
} tl_markdown_item;

typedef struct tl_markdown_result {
  tl_markdown_item *items;
  int32_t count;
  char *strings;
  int32_t stringsLength;
} tl_markdown_result;

/// Parses `length` bytes of UTF-8 Markdown into `result`; returns 0, or -1 when memory ran out.
/// Free the result with `tl_markdown_free`. Calls are serialized inside (cmark-gfm keeps the
/// table of special inline characters in a global that extensions change while parsing).
int32_t tl_markdown_parse(const char *bytes, int64_t length, tl_markdown_result *result);
/// Frees what `tl_markdown_parse` put in `result`.
void tl_markdown_free(tl_markdown_result *result);
/// cmark-gfm's version ("0.29.0.gfm.6"); never NULL.
const char *tl_markdown_version(void);

#ifdef __cplusplus
}
#endif

#endif
