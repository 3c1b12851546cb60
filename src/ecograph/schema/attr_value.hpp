#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecograph {

/// Declared type of an attribute. Values are stored as the text the user wrote; these types say
/// what that text must look like and how analyses read it.
enum class AttrType { String, Integer, Number, Money, Date, Boolean, List };

std::string_view attr_type_name(AttrType t);
std::optional<AttrType> parse_attr_type(std::string_view name);
std::vector<std::string> attr_type_names();

/// Checks `value` against `type`. Returns an empty string when it conforms, otherwise a short
/// description of what was expected ("an integer such as 2000").
std::string check_attr_value(AttrType type, std::string_view value);

/// Reads an Integer, Number or Money value as a double; nullopt when it does not parse.
std::optional<double> parse_number_value(std::string_view value);

/// Splits a List value ("sales,delivery") into trimmed, non-empty items.
std::vector<std::string> split_list_value(std::string_view value);

}  // namespace ecograph
