// Splitting independent per-item work (one table each, say) over the machine's cores.
#ifndef SCHEMADIFF_COMMON_PARALLEL_H_
#define SCHEMADIFF_COMMON_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace schemadiff {

// Calls `work(begin, end)` on consecutive slices covering [0, count), one slice per core (at
// most four), the first on the calling thread; returns when all are done. Small counts run in
// one call on the calling thread: a thread costs more than a few dozen items. A slice whose
// thread cannot be started runs on the calling thread too.
void ParallelSlices(size_t count, const std::function<void(size_t begin, size_t end)>& work);

}  // namespace schemadiff

#endif  // SCHEMADIFF_COMMON_PARALLEL_H_
