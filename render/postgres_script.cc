#include "render/postgres_script.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "render/sql_writer.h"

namespace schemadiff {

void PostgresScript::Comment(std::string_view text) {
  items_.push_back({Kind::kComment, std::string(text)});
}

void PostgresScript::AddWarning(const Warning& warning) {
  Comment(absl::StrCat("WARNING [", warning.code, "]: ", warning.message));
}

void PostgresScript::Statement(std::string sql) {
  items_.push_back({Kind::kStatement, std::move(sql)});
}

void PostgresScript::Standalone(std::string sql) {
  items_.push_back({Kind::kStandalone, std::move(sql)});
}

std::string PostgresScript::Finish(const std::vector<std::string>& header,
                                   const std::vector<std::string>& preamble) const {
  SqlWriter out;
  for (const std::string& line : header) out.Comment(line);
  out.Line("\\set ON_ERROR_STOP on");
  for (const std::string& sql : preamble) out.Statement(sql);
  bool in_transaction = false;
  std::vector<const Item*> pending_comments;
  const auto flush_comments = [&] {
    for (const Item* c : pending_comments) out.Comment(c->text);
    pending_comments.clear();
  };
  bool any = false;
  for (const Item& item : items_) {
    switch (item.kind) {
      case Kind::kComment:
        pending_comments.push_back(&item);
        break;
      case Kind::kStatement:
        if (!in_transaction) {
          out.BlankLine();
          out.Statement("BEGIN");
          in_transaction = true;
        }
        flush_comments();
        out.Statement(item.text);
        any = true;
        break;
      case Kind::kStandalone:
        if (in_transaction) {
          out.Statement("COMMIT");
          in_transaction = false;
        }
        out.BlankLine();
        flush_comments();
        out.Statement(item.text);
        any = true;
        break;
    }
  }
  if (in_transaction) out.Statement("COMMIT");
  if (!pending_comments.empty()) out.BlankLine();
  flush_comments();
  if (!any) out.Comment("No changes.");
  return out.text();
}

}  // namespace schemadiff
