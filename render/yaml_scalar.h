// YAML scalars for the schema writer: plain when YAML reads them back as the same string, else
// double-quoted with escapes, safe in block and flow context alike.
#ifndef SCHEMADIFF_RENDER_YAML_SCALAR_H_
#define SCHEMADIFF_RENDER_YAML_SCALAR_H_

#include <string>
#include <string_view>

namespace schemadiff {

// `text` as a YAML scalar that reads back as exactly `text`, as a string: identifiers and type
// names such as varchar(255) stay plain; anything YAML could read as another type (true, null,
// 42), anything with YAML syntax (: # , [ ] { } quotes) or whitespace at the ends, control
// characters and line breaks get double quotes with escapes. Valid UTF-8 is kept as is.
std::string YamlString(std::string_view text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_YAML_SCALAR_H_
