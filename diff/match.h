// Matching constraints and indexes between two versions of a table: by definition first, then
// by name. Shared by the differ and ApplyOp.
#ifndef SCHEMADIFF_DIFF_MATCH_H_
#define SCHEMADIFF_DIFF_MATCH_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "diff/ops.h"

namespace schemadiff {

// Whether two objects define the same thing, names aside. NOT VALID flags are a validation
// state, not part of a definition, and are ignored.
bool SameDefinition(const PrimaryKey& a, const PrimaryKey& b);
bool SameDefinition(const UniqueConstraint& a, const UniqueConstraint& b);
bool SameDefinition(const ForeignKey& a, const ForeignKey& b);
bool SameDefinition(const CheckConstraint& a, const CheckConstraint& b);
bool SameDefinition(const Index& a, const Index& b);
// Same alternative and same definition.
bool SameDefinition(const Constraint& a, const Constraint& b);

// Pairs of matched positions plus the unmatched positions of each side.
struct Matching {
  std::vector<std::pair<size_t, size_t>> pairs;  // (index in from, index in to)
  std::vector<size_t> only_from;                 // ascending
  std::vector<size_t> only_to;                   // ascending
};

// Matches `from` against `to`: first equal definitions whose names agree (an empty name in
// `to` agrees with any name), then equal definitions with differing names (a rename). Objects
// whose definitions differ stay unmatched even when their names are equal (drop + add).
// Deterministic: earlier positions are matched first.
template <typename T>
Matching MatchByDefinition(const std::vector<T>& from, const std::vector<T>& to) {
  Matching m;
  std::vector<bool> from_used(from.size(), false);
  std::vector<bool> to_used(to.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t j = 0; j < to.size(); ++j) {
      if (to_used[j]) continue;
      for (size_t i = 0; i < from.size(); ++i) {
        if (from_used[i] || !SameDefinition(from[i], to[j])) continue;
        if (pass == 0 && !to[j].name.empty() && to[j].name != from[i].name) continue;
        from_used[i] = to_used[j] = true;
        m.pairs.emplace_back(i, j);
        break;
      }
    }
  }
  for (size_t i = 0; i < from.size(); ++i) {
    if (!from_used[i]) m.only_from.push_back(i);
  }
  for (size_t j = 0; j < to.size(); ++j) {
    if (!to_used[j]) m.only_to.push_back(j);
  }
  return m;
}

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_MATCH_H_
