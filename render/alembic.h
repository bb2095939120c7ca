// Renders a plan as an Alembic revision file (Python), and places it in an Alembic project.
#ifndef SCHEMADIFF_RENDER_ALEMBIC_H_
#define SCHEMADIFF_RENDER_ALEMBIC_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"

namespace schemadiff {

// The header fields of a revision.
struct RevisionInfo {
  std::string message;        // -m; also the docstring's first line
  std::string revision_id;    // 12 hex digits
  std::string down_revision;  // "" for the first revision (renders None)
  std::string create_date;    // "2026-11-23 12:00:00.000000"
};

// The revision file text: upgrade() renders `upgrade` against the `from` catalog, downgrade()
// renders `downgrade` (normally ReversePlan(upgrade)) against `to`.
absl::StatusOr<std::string> RenderAlembicRevision(const Plan& upgrade, const Plan& downgrade,
                                                  const Catalog& from, const Catalog& to,
                                                  const Dialect& dialect, const RevisionInfo& info);

// Where and how revisions are written inside an existing Alembic project.
struct AlembicProject {
  std::string versions_dir;                        // directory holding the revision files
  std::string file_template = "%(rev)s_%(slug)s";  // alembic.ini file_template
  std::string sqlalchemy_url;                      // alembic.ini sqlalchemy.url ("" when absent)
  int truncate_slug_length = 40;                   // alembic.ini truncate_slug_length
};

// Reads `script_location` (or a single `version_locations` entry), `file_template`,
// `truncate_slug_length` and `sqlalchemy.url` from the [alembic] section of an alembic.ini, with
// configparser's %(here)s / %(key)s interpolation. A relative script_location is taken from the
// current directory as Alembic does, else from the ini file's directory.
absl::StatusOr<AlembicProject> ReadAlembicConfig(const std::string& ini_path);

// The single head revision id of the versions dir ("" when it holds no revisions); an error
// listing the heads when there are several.
absl::StatusOr<std::string> FindHeadRevision(const std::string& versions_dir);

// A fresh random 12-hex-digit revision id.
std::string NewRevisionId();

// The file name for a revision per `file_template` (tokens rev, slug, year, month, day, hour,
// minute, second, epoch), Alembic's slug rules applied to the message.
std::string RevisionFileName(const AlembicProject& project, const RevisionInfo& info);

// Writes `text` to versions_dir/file_name atomically; an error if the file already exists.
// Returns the written path.
absl::StatusOr<std::string> WriteRevisionFile(const AlembicProject& project,
                                              const std::string& file_name,
                                              const std::string& text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_ALEMBIC_H_
