// A throwaway Alembic project for tests that run real Alembic (/usr/bin/python3 -m alembic).
#ifndef SCHEMADIFF_TESTS_SUPPORT_ALEMBIC_FIXTURE_H_
#define SCHEMADIFF_TESTS_SUPPORT_ALEMBIC_FIXTURE_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"
#include "render/alembic.h"
#include "tests/support/test_util.h"

namespace schemadiff::testing {

// alembic.ini, a minimal env.py and an empty versions/ under `dir`, with sqlalchemy.url set to
// `url`. Alembic runs with the project directory as its working directory.
class AlembicTestProject {
 public:
  AlembicTestProject(const std::string& dir, const std::string& url);

  const std::string& dir() const { return dir_; }
  // The project as ReadAlembicConfig sees it.
  const AlembicProject& project() const { return project_; }

  // Runs `python3 -m alembic <args>` in the project directory.
  CommandResult Alembic(const std::string& args) const;

  // Renders `plan` (and ReversePlan(plan) as the downgrade) as a revision on top of the current
  // head, writes it into versions/ and returns its revision id. Fails the test (and returns an
  // error) when rendering, writing or `python3 -m py_compile` fails.
  absl::StatusOr<std::string> AddRevision(const Plan& plan, const Catalog& from, const Catalog& to,
                                          const Dialect& dialect, const std::string& message);

  // The file of revision `id` in versions/ ("" when there is none).
  std::string RevisionPath(const std::string& id) const;

  // Writes an empty revision (upgrade and downgrade are `pass`) on top of the current head.
  absl::StatusOr<std::string> AddEmptyRevision(const std::string& message);

 private:
  std::string dir_;
  AlembicProject project_;
};

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_ALEMBIC_FIXTURE_H_
