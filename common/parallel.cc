#include "common/parallel.h"

#include <algorithm>
#include <future>
#include <system_error>
#include <thread>
#include <vector>

namespace schemadiff {

void ParallelSlices(size_t count, const std::function<void(size_t begin, size_t end)>& work) {
  constexpr size_t kMinSlice = 64;
  const size_t cores = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
  const size_t slices = std::clamp<size_t>(count / kMinSlice, 1, cores);
  const size_t size = (count + slices - 1) / slices;
  std::vector<std::future<void>> others;
  for (size_t begin = size; begin < count; begin += size) {
    const size_t end = std::min(count, begin + size);
    try {
      others.push_back(std::async(std::launch::async, work, begin, end));
    } catch (const std::system_error&) {
      work(begin, end);  // no thread to be had (a process or memory limit): do it here
    }
  }
  work(0, std::min(count, size));
  for (std::future<void>& other : others) other.get();
}

}  // namespace schemadiff
