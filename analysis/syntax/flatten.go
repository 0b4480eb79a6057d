package syntax

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

// The few tree-sitter declarations this file needs. They match
// tree_sitter/api.h of go-tree-sitter v0.25.0, whose compiled library is
// linked into the same binary.
typedef struct TSTree TSTree;
typedef struct TSLanguage TSLanguage;
typedef struct {
  uint32_t context[4];
  const void *id;
  const TSTree *tree;
} TSNode;
typedef struct {
  const void *tree;
  const void *id;
  uint32_t context[3];
} TSTreeCursor;

TSNode ts_tree_root_node(const TSTree *self);
uint32_t ts_node_descendant_count(TSNode self);
uint16_t ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_has_error(TSNode self);
uint32_t ts_node_child_count(TSNode self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
uint16_t ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
void ts_set_allocator(void *(*new_malloc)(size_t), void *(*new_calloc)(size_t, size_t),
                      void *(*new_realloc)(void *, size_t), void (*new_free)(void *));

// Must stay layout-identical to the Go type Node.
typedef struct {
  uint32_t start, end;
  int32_t parent, after;
  uint16_t kind;
  uint8_t field, flags;
} rs_node;

enum { FLAG_NAMED = 1, FLAG_MISSING = 2 };

static uint32_t rs_count(const TSTree *tree) {
  return ts_node_descendant_count(ts_tree_root_node(tree));
}

// rs_flatten writes the tree in pre-order into out, mapping grammar symbols
// and fields to the engine's language-independent kinds. Anonymous tokens
// whose kind maps to 0 are dropped: the engine only needs a handful of
// keywords (async, default, type, ...). "after" is the index just past a
// node's subtree, so children are walked as i = n+1; i < after(n); i = after(i).
// One cgo call per file instead of several per node is what keeps fact
// extraction cheap next to parsing.
static int rs_flatten(const TSTree *tree, const uint16_t *kinds, uint32_t nkinds,
                      const uint8_t *fields, uint32_t nfields, uint16_t error_kind,
                      rs_node *out, int cap) {
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  int n = 0;
  int parent = -1;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&c);
    uint16_t sym = ts_node_symbol(node);
    bool named = ts_node_is_named(node);
    // ERROR is the builtin symbol 0xFFFF, outside the grammar's table.
    uint16_t kind = sym == 0xFFFF ? error_kind : (sym < nkinds ? kinds[sym] : 0);
    int idx = -1;
    if ((named || kind != 0 || ts_node_child_count(node) > 0) && n < cap) {
      idx = n++;
      rs_node *o = &out[idx];
      o->start = ts_node_start_byte(node);
      o->end = ts_node_end_byte(node);
      o->parent = parent;
      o->after = idx + 1;
      o->kind = kind;
      uint16_t f = ts_tree_cursor_current_field_id(&c);
      o->field = f < nfields ? fields[f] : 0;
      o->flags = (named ? FLAG_NAMED : 0) | (ts_node_is_missing(node) ? FLAG_MISSING : 0);
    }
    if (idx >= 0 && ts_tree_cursor_goto_first_child(&c)) {
      parent = idx;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) {
        ts_tree_cursor_delete(&c);
        return n;
      }
      out[parent].after = n;
      parent = out[parent].parent;
    }
  }
}

static bool rs_has_error(const TSTree *tree) {
  return ts_node_has_error(ts_tree_root_node(tree));
}

static void rs_use_libc_allocator(void) {
  ts_set_allocator(malloc, calloc, realloc, free);
}
*/
import "C"

import (
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

func init() {
	// go-tree-sitter routes every allocation of the C library through Go
	// callbacks; plain libc malloc parses 30-45% faster. This runs before any
	// parser exists, as the switch requires.
	C.rs_use_libc_allocator()
}

// rawTree extracts the C tree pointer: sitter.Tree's only field.
func rawTree(t *sitter.Tree) *C.TSTree {
	return *(**C.TSTree)(unsafe.Pointer(t))
}

// flatten copies t into a pure-Go node array.
func flatten(t *sitter.Tree, l *langTables, buf []Node) ([]Node, bool) {
	raw := rawTree(t)
	n := int(C.rs_count(raw))
	if cap(buf) < n {
		buf = make([]Node, n)
	}
	buf = buf[:n]
	if n == 0 {
		return buf, false
	}
	got := C.rs_flatten(raw,
		(*C.uint16_t)(unsafe.Pointer(&l.kinds[0])), C.uint32_t(len(l.kinds)),
		(*C.uint8_t)(unsafe.Pointer(&l.fields[0])), C.uint32_t(len(l.fields)), C.uint16_t(KindError),
		(*C.rs_node)(unsafe.Pointer(&buf[0])), C.int(n))
	return buf[:int(got)], bool(C.rs_has_error(raw))
}
