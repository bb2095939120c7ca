#include "diff/order.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace schemadiff {

CreationOrder OrderForCreation(const std::vector<const Table*>& tables, const Dialect& dialect) {
  const size_t n = tables.size();
  // Positions sorted by (schema, name): the tie-break order.
  std::vector<size_t> by_name(n);
  for (size_t i = 0; i < n; ++i) by_name[i] = i;
  std::sort(by_name.begin(), by_name.end(), [&tables](size_t a, size_t b) {
    return std::tie(tables[a]->schema, tables[a]->name) <
           std::tie(tables[b]->schema, tables[b]->name);
  });
  std::map<std::pair<std::string, std::string>, size_t> position;
  for (size_t i = 0; i < n; ++i) position[{tables[i]->schema, tables[i]->name}] = i;

  // refs[i][k]: the set position foreign key k of table i refers to, or n when outside the set
  // or a self-reference.
  std::vector<std::vector<size_t>> refs(n);
  for (size_t i = 0; i < n; ++i) {
    for (const ForeignKey& fk : tables[i]->foreign_keys) {
      const std::string& schema = ReferredSchema(dialect, tables[i]->schema, fk);
      auto it = position.find({schema, fk.referred_table});
      refs[i].push_back(it == position.end() || it->second == i ? n : it->second);
    }
  }

  CreationOrder result;
  result.deferred.resize(n);
  std::vector<bool> placed(n, false);
  auto ready = [&](size_t i) {
    return std::all_of(refs[i].begin(), refs[i].end(),
                       [&placed, n](size_t r) { return r == n || placed[r]; });
  };
  while (result.order.size() < n) {
    size_t next = n;
    for (size_t i : by_name) {
      if (!placed[i] && ready(i)) {
        next = i;
        break;
      }
    }
    if (next == n) {
      // Every remaining table waits on another: a cycle. Break it at the smallest one.
      for (size_t i : by_name) {
        if (!placed[i]) {
          next = i;
          break;
        }
      }
      for (size_t k = 0; k < refs[next].size(); ++k) {
        if (refs[next][k] != n && !placed[refs[next][k]]) result.deferred[next].push_back(k);
      }
    }
    placed[next] = true;
    result.order.push_back(next);
  }
  return result;
}

}  // namespace schemadiff
