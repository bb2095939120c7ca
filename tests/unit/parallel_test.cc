#include "common/parallel.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace schemadiff {
namespace {

// The slices `ParallelSlices(count)` hands out, and whether they came from more than one thread.
struct Sliced {
  std::vector<std::pair<size_t, size_t>> slices;
  bool other_threads = false;
};

Sliced Slice(size_t count) {
  Sliced out;
  std::mutex mutex;
  const std::thread::id caller = std::this_thread::get_id();
  ParallelSlices(count, [&](size_t begin, size_t end) {
    std::lock_guard<std::mutex> lock(mutex);
    out.slices.emplace_back(begin, end);
    out.other_threads = out.other_threads || std::this_thread::get_id() != caller;
  });
  return out;
}

TEST(ParallelSlicesTest, EveryItemIsVisitedExactlyOnce) {
  for (size_t count : {0u, 1u, 63u, 64u, 65u, 128u, 1000u, 1001u, 10007u}) {
    const Sliced sliced = Slice(count);
    std::vector<int> visits(count, 0);
    for (const auto& [begin, end] : sliced.slices) {
      ASSERT_LE(begin, end) << count;
      ASSERT_LE(end, count) << count;
      for (size_t i = begin; i < end; ++i) ++visits[i];
    }
    for (size_t i = 0; i < count; ++i) ASSERT_EQ(visits[i], 1) << "item " << i << " of " << count;
  }
}

TEST(ParallelSlicesTest, FewItemsStayOnTheCallingThreadInOneSlice) {
  const Sliced sliced = Slice(10);
  ASSERT_EQ(sliced.slices.size(), 1u);
  EXPECT_EQ(sliced.slices[0], std::make_pair(size_t{0}, size_t{10}));
  EXPECT_FALSE(sliced.other_threads);
}

TEST(ParallelSlicesTest, ManyItemsUseEveryCoreUpToFour) {
  const size_t cores = std::thread::hardware_concurrency();
  if (cores < 2) GTEST_SKIP() << "one core: everything runs on the calling thread";
  const Sliced sliced = Slice(10000);
  EXPECT_EQ(sliced.slices.size(), std::min<size_t>(cores, 4));
  EXPECT_TRUE(sliced.other_threads);
}

// Limits the address space to what is in use plus 2 MB, too little for another thread's stack,
// then slices 10,000 items; exits 0 when each was visited once, all on the calling thread.
[[noreturn]] void SliceWithoutRoomForThreads() {
  std::vector<int> visits(10000, 0);
  bool other_threads = false;
  const std::thread::id caller = std::this_thread::get_id();
  long pages = 0;
  std::ifstream("/proc/self/statm") >> pages;
  const rlim_t room = static_cast<rlim_t>(pages) * sysconf(_SC_PAGESIZE) + (2 << 20);
  const rlimit limit{room, room};
  if (setrlimit(RLIMIT_AS, &limit) != 0) std::_Exit(3);
  ParallelSlices(visits.size(), [&](size_t begin, size_t end) {
    other_threads = other_threads || std::this_thread::get_id() != caller;
    for (size_t i = begin; i < end; ++i) ++visits[i];
  });
  const bool once = std::all_of(visits.begin(), visits.end(), [](int v) { return v == 1; });
  std::_Exit(once && !other_threads ? 0 : 1);
}

TEST(ParallelSlicesTest, WithoutThreadsEverythingRunsOnTheCallingThread) {
  // A fresh process: one forked from this one could reuse the stacks of threads other tests
  // started, and need no new room.
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  EXPECT_EXIT(SliceWithoutRoomForThreads(), ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace schemadiff
