#include "ecograph/schema/attr_value.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace ecograph {

std::string_view attr_type_name(AttrType t) {
    switch (t) {
        case AttrType::String:
            return "string";
        case AttrType::Integer:
            return "integer";
        case AttrType::Number:
            return "number";
        case AttrType::Money:
            return "money";
        case AttrType::Date:
            return "date";
        case AttrType::Boolean:
            return "boolean";
        case AttrType::List:
            return "list";
    }
    return "string";
}

std::vector<std::string> attr_type_names() {
    return {"string", "integer", "number", "money", "date", "boolean", "list"};
}

std::optional<AttrType> parse_attr_type(std::string_view name) {
    for (auto t : {AttrType::String, AttrType::Integer, AttrType::Number, AttrType::Money,
                   AttrType::Date, AttrType::Boolean, AttrType::List})
        if (attr_type_name(t) == name) return t;
    return std::nullopt;
}

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

bool is_integer(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    if (!all_digits(s)) return false;
    long long v;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size();
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
bool is_date(std::string_view s) {
    auto num = [&](std::size_t pos, std::size_t len) {
        std::string_view part = s.substr(pos, len);
        return all_digits(part) ? std::stoi(std::string(part)) : -1;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    if (num(0, 4) < 0) return false;
    if (s.size() == 4) return true;
    if (s[4] != '-') return false;
    int month = num(5, 2);
    if (month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-') return false;
    int day = num(8, 2);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max_day = days[month - 1] + (month == 2 && is_leap(num(0, 4)) ? 1 : 0);
    return day >= 1 && day <= max_day;
}

}  // namespace

std::optional<double> parse_number_value(std::string_view s) {
    if (s.empty()) return std::nullopt;
    if (s[0] == '+') s.remove_prefix(1);
    double v;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string check_attr_value(AttrType type, std::string_view v) {
    switch (type) {
        case AttrType::String:
            return {};
        case AttrType::Integer:
            return is_integer(v) ? std::string{} : "an integer such as 2000";
        case AttrType::Number:
            return parse_number_value(v) ? std::string{} : "a number such as 58 or 0.25";
        case AttrType::Money: {
            auto n = parse_number_value(v);
            return n && *n >= 0 ? std::string{}
                                : "an amount in USD without separators, such as 283000000";
        }
        case AttrType::Date:
            return is_date(v) ? std::string{} : "a date: YYYY, YYYY-MM or YYYY-MM-DD";
        case AttrType::Boolean:
            return v == "true" || v == "false" ? std::string{} : "true or false";
        case AttrType::List:
            return split_list_value(v).empty() ? "a comma-separated list such as sales,delivery"
                                               : std::string{};
    }
    return {};
}

std::vector<std::string> split_list_value(std::string_view v) {
    std::vector<std::string> out;
    while (!v.empty()) {
        std::size_t comma = v.find(',');
        std::string_view item = v.substr(0, comma);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
            item.remove_prefix(1);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
            item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        if (comma == std::string_view::npos) break;
        v.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace ecograph
