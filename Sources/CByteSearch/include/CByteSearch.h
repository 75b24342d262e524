#ifndef CBYTESEARCH_H
#define CBYTESEARCH_H
#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL: the C library's memmem, a GNU extension that Swift's
/// Glibc module does not declare.
const void *byte_search(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
