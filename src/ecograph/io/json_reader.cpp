#include "ecograph/io/json_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ecograph/io/detail/text_input.hpp"

namespace ecograph {
namespace {

using Json = nlohmann::json;

/// Deeper nesting than this is refused: no real node-link file comes near it, and it keeps
/// hostile input (megabytes of `[[[[`) from costing more than a few kilobytes of state.
constexpr std::size_t kMaxDepth = 1000;

// A character iterator that publishes how far nlohmann's lexer has read. The lexer pulls its
// input one character at a time and calls start_object/start_array right after consuming the
// bracket, so the SAX handler below knows where each node and link object starts: the DOM (and
// the SAX interface) carry no positions.
class TrackingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator(const char* p, const char** read) : p_(p), read_(read) {}
    reference operator*() const { return *p_; }
    TrackingIterator& operator++() {
        *read_ = ++p_;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackingIterator& other) const { return p_ == other.p_; }
    bool operator!=(const TrackingIterator& other) const { return p_ != other.p_; }

private:
    const char* p_;
    const char** read_;
};

/// Byte offsets to 1-based line and column (in characters). Offsets are asked for in
/// increasing order while reading, so a forward cursor keeps the whole pass linear.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}

    std::uint32_t line(std::size_t offset) {
        seek(offset);
        return line_;
    }
    std::uint32_t column(std::size_t offset) {
        seek(offset);
        std::uint32_t col = 1;
        for (std::size_t i = line_start_; i < offset; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
        return col;
    }

private:
    void seek(std::size_t offset) {
        offset = std::min(offset, text_.size());
        if (offset < pos_) pos_ = line_start_ = 0, line_ = 1;  // rare: only for messages
        for (; pos_ < offset; ++pos_)
            if (text_[pos_] == '\n') ++line_, line_start_ = pos_ + 1;
    }

    std::string_view text_;
    std::size_t pos_ = 0, line_start_ = 0;
    std::uint32_t line_ = 1;
};

std::string quote(const std::string& s) {
    return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

enum class Kind { Null, Boolean, Number, String, Object, Array };

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::Null:
            return "null";
        case Kind::Boolean:
            return "a boolean";
        case Kind::Number:
            return "a number";
        case Kind::String:
            return "a string";
        case Kind::Object:
            return "an object";
        case Kind::Array:
            return "an array";
    }
    return "a value";
}

/// A value read as ecograph text. A nested array or object arrives as compact JSON; `text` is
/// what an attribute stores: a non-empty array of scalars joined by "," (ecograph's list
/// attribute type) when no item is empty or holds a comma, else the compact JSON.
struct Value {
    Kind kind = Kind::Null;
    std::string text;
    std::string json;  ///< compact JSON of arrays and objects (ids use it: unambiguous)
};

// Collects an array or object value, however deep, as compact JSON text (numbers as written).
class Capture {
public:
    bool active() const { return !first_.empty(); }

    void begin(Kind k) {
        json_.clear();
        items_.clear();
        flat_ = k == Kind::Array;
        after_key_ = false;
        kind_ = k;
        push(k);
    }
    void open(Kind k) {
        prefix();
        flat_ = false;
        push(k);
    }
    /// Closes the innermost container; true when the whole value is complete.
    bool close() {
        json_ += closers_.back();
        closers_.pop_back();
        first_.pop_back();
        after_key_ = false;
        return first_.empty();
    }
    void key(const std::string& k) {
        if (!first_.back()) json_ += ',';
        first_.back() = false;
        json_ += quote(k);
        json_ += ':';
        after_key_ = true;
    }
    void scalar(Kind k, const std::string& text) {
        prefix();
        json_ += k == Kind::String ? quote(text) : k == Kind::Null ? "null" : text;
        if (flat_ && first_.size() == 1) {
            if (k == Kind::Null || text.empty() || text.find(',') != std::string::npos)
                flat_ = false;
            else
                items_.push_back(text);
        }
    }
    Value take() {
        Value v{kind_, {}, std::move(json_)};
        if (!flat_) {
            v.text = v.json;
        } else {
            for (auto& item : items_) {
                if (!v.text.empty()) v.text += ',';
                v.text += item;
            }
        }
        return v;
    }

private:
    void push(Kind k) {
        json_ += k == Kind::Object ? '{' : '[';
        closers_.push_back(k == Kind::Object ? '}' : ']');
        first_.push_back(true);
    }
    void prefix() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!first_.back()) json_ += ',';
        first_.back() = false;
    }

    Kind kind_ = Kind::Array;
    std::string json_;
    std::vector<std::string> items_;
    std::vector<char> closers_;
    std::vector<bool> first_;
    bool flat_ = false, after_key_ = false;
};

/// One element of "nodes" or "links", collected until its closing brace (keys come in any
/// order).
struct Item {
    std::size_t offset = 0;  ///< of its '{'
    std::optional<std::string> id, source, target, type, label;
    std::vector<std::pair<std::string, std::string>> attrs;
    bool refused = false;  ///< an id that cannot be one was reported: the item is left out
};

enum class Section { None, Graph, Nodes, Links };

/// The attribute a key names: the writer adds a '_' to attribute names that would clash with a
/// structural key (`source` of a relation is written `_source`), this takes it off.
std::string attribute_name(const std::string& key, bool node) {
    std::size_t underscores = std::min(key.find_first_not_of('_'), key.size());
    if (underscores == 0) return key;
    std::string_view rest = std::string_view(key).substr(underscores);
    bool reserved = rest == "type" ||
                    (node ? rest == "id" : rest == "source" || rest == "target" || rest == "key");
    return reserved ? key.substr(1) : key;
}

// Streams node-link JSON into the builder: nothing but the current node or link is held, so a
// file of millions of links costs little more than the graph itself.
class Reader {
public:
    Reader(std::string_view text, const std::string& origin, GraphBuilder& b, Diagnostics& diags)
        : text_(text), lines_(text), origin_(origin), b_(b), diags_(diags), read_(text.data()) {}

    bool run() {
        file_ = b_.add_file(origin_);
        const char* begin = text_.data();
        const char* end = begin + text_.size();
        bool parsed =
            Json::sax_parse(TrackingIterator(begin, &read_), TrackingIterator(end, &read_), this);
        if (!parsed || stopped_) return false;
        if (!seen_nodes_) {
            diags_.error("E003", {origin_, 0}, "",
                         fmt::format("no \"nodes\" in {}: not NetworkX node-link data", origin_),
                         "node-link data is {\"directed\": ..., \"nodes\": [...], \"links\": "
                         "[...]}");
            return false;
        }
        for (Item& item : pending_) add_link(item);
        if (b_.files().size() == 1) {
            b_.set_directed(directed_);
            if (name_) b_.set_name(*name_);
            if (title_) b_.set_title(*title_);
        } else if (directed_ != b_.directed()) {
            diags_.warning("W003", {origin_, 0}, "",
                           fmt::format("{} graph merged into a {} one: its edges are read as "
                                       "relations in the direction written",
                                       directed_ ? "directed" : "undirected",
                                       b_.directed() ? "directed" : "undirected"),
                           "give every input the same \"directed\"");
        }
        return ok_;
    }

    // nlohmann's SAX interface.
    bool null() { return scalar(Kind::Null, {}); }
    bool boolean(bool v) { return scalar(Kind::Boolean, v ? "true" : "false"); }
    bool number_integer(Json::number_integer_t v) {
        return scalar(Kind::Number, fmt::format("{}", v));
    }
    bool number_unsigned(Json::number_unsigned_t v) {
        return scalar(Kind::Number, fmt::format("{}", v));
    }
    // The number as written, so that 0.25 stays "0.25" and 2.5e8 stays "2.5e8".
    bool number_float(Json::number_float_t, const std::string& raw) {
        return scalar(Kind::Number, raw);
    }
    bool string(std::string& v) { return scalar(Kind::String, std::move(v)); }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return open(Kind::Object); }
    bool start_array(std::size_t) { return open(Kind::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        if (skip_ > 0) return true;
        if (capture_.active()) {
            capture_.key(k);
            return true;
        }
        key_ = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) {
        // nlohmann counts the offending character: position 1 is the first byte.
        std::size_t at = position > 0 ? position - 1 : 0;
        if (at >= text_.size()) {  // unexpected end: point just past the last real character
            at = text_.size();
            while (at > 0 && std::isspace(static_cast<unsigned char>(text_[at - 1]))) --at;
        }
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        // or "[json.exception.out_of_range.406] number overflow parsing '1e400'"
        std::string what = e.what();
        if (auto bracket = what.find("] "); what.rfind('[', 0) == 0 && bracket != std::string::npos)
            what.erase(0, bracket + 2);
        if (auto colon = what.find(": ");
            what.rfind("parse error", 0) == 0 && colon != std::string::npos)
            what.erase(0, colon + 2);
        error_at("E001", at, fmt::format("invalid JSON: {}", what),
                 "check the file with a JSON validator (python3 -m json.tool FILE)");
        return false;
    }

private:
    /// Reports an error at a byte offset, with the column in the message.
    void error_at(const char* code, std::size_t offset, const std::string& message,
                  std::string hint = {}) {
        std::uint32_t line = lines_.line(offset), col = lines_.column(offset);
        diags_.error(code, {origin_, line}, "",
                     fmt::format("{} (line {}, column {})", message, line, col), std::move(hint));
    }
    /// Offset of the last character of the scalar just read (the lexer may have read one past a
    /// number).
    std::size_t scalar_offset() const {
        std::size_t p = static_cast<std::size_t>(read_ - text_.data());
        while (p > 0) {
            char c = text_[p - 1];
            if (!std::isspace(static_cast<unsigned char>(c)) && c != ',' && c != ']' && c != '}')
                break;
            --p;
        }
        return p > 0 ? p - 1 : 0;
    }
    /// Offset of the bracket just read.
    std::size_t bracket_offset() const {
        std::size_t p = static_cast<std::size_t>(read_ - text_.data());
        return p > 0 ? p - 1 : 0;
    }
    bool stop(const char* code, std::size_t offset, const std::string& message,
              std::string hint = {}) {
        error_at(code, offset, message, std::move(hint));
        stopped_ = true;
        return false;
    }
    /// `what` ("nodes", "links" or "edges") holds `found` where an array of objects belongs.
    bool shape_error(std::size_t offset, Kind found, const std::string& what) {
        const bool nodes = what == "nodes";
        return stop(
            "E005", offset,
            fmt::format("\"{}\" must be an array of objects, found {}", what, kind_name(found)),
            nodes ? "each node is {\"id\": ..., \"type\": ..., ...}"
                  : "each link is {\"source\": ..., \"target\": ..., \"type\": ...}");
    }
    std::string section_name() const {
        return section_ == Section::Nodes ? "nodes" : edges_key_ ? "edges" : "links";
    }

    bool open(Kind k) {
        ++depth_;
        if (depth_ > kMaxDepth)
            return stop("E001", bracket_offset(),
                        fmt::format("JSON nested more than {} deep", kMaxDepth),
                        "node-link data nests four levels; this is not a graph file");
        if (skip_ > 0) {
            ++skip_;
            return true;
        }
        if (capture_.active()) {
            capture_.open(k);
            return true;
        }
        switch (depth_) {
            case 1:  // the document
                if (k != Kind::Object) return top_level_error(bracket_offset(), k);
                return true;
            case 2:  // the value of a top-level key
                return open_section(k);
            case 3:  // an element of "nodes"/"links", or a value in "graph"
                if (section_ == Section::Graph) {
                    if (key_ == "name" || key_ == "label")
                        capture_.begin(k);
                    else
                        skip_ = 1;
                    return true;
                }
                if (k != Kind::Object) return shape_error(bracket_offset(), k, section_name());
                item_ = Item{};
                item_.offset = bracket_offset();
                return true;
            default:  // depth 4: the value of a node or link attribute
                capture_.begin(k);
                return true;
        }
    }

    bool top_level_error(std::size_t offset, Kind k) {
        return stop("E005", offset,
                    fmt::format("expected a JSON object with \"nodes\" and \"links\", found {}",
                                kind_name(k)),
                    "node-link data is {\"directed\": ..., \"nodes\": [...], \"links\": [...]}");
    }

    bool open_section(Kind k) {
        if (key_ == "nodes" || key_ == "links" || key_ == "edges") {
            if (k != Kind::Array) return shape_error(bracket_offset(), k, key_);
            if (key_ == "nodes") {
                if (seen_nodes_)
                    return stop("E005", bracket_offset(), "\"nodes\" appears twice",
                                "put every node in one \"nodes\" array");
                seen_nodes_ = true;
                section_ = Section::Nodes;
                return true;
            }
            bool edges = key_ == "edges";
            if (seen_links_) {
                bool both = edges != edges_key_;
                return stop("E005", bracket_offset(),
                            both ? "both \"links\" and \"edges\" are present: which holds the "
                                   "relations?"
                                 : fmt::format("\"{}\" appears twice", key_),
                            both ? "keep one: NetworkX 2.x writes \"links\", 3.4 and later "
                                   "\"edges\""
                                 : "put every link in one array");
            }
            seen_links_ = true;
            edges_key_ = edges;
            section_ = Section::Links;
            return true;
        }
        if (key_ == "directed")
            return stop("E005", bracket_offset(),
                        fmt::format("\"directed\" must be true or false, found {}", kind_name(k)));
        if (key_ == "graph" && k == Kind::Object) {
            section_ = Section::Graph;
            return true;
        }
        skip_ = 1;  // "multigraph", NetworkX 1.x's list-form "graph", keys of other tools
        return true;
    }

    bool close() {
        if (skip_ > 0) {
            --skip_;
            --depth_;
            return true;
        }
        if (capture_.active()) {
            --depth_;
            if (capture_.close()) return value(capture_.take());
            return true;
        }
        if (depth_ == 2) {
            if (section_ == Section::Nodes) nodes_done_ = true;
            section_ = Section::None;
        } else if (depth_ == 3) {
            finish_item();
        }
        --depth_;
        return true;
    }

    bool scalar(Kind k, std::string text) {
        if (skip_ > 0) return true;
        if (capture_.active()) {
            capture_.scalar(k, text);
            return true;
        }
        switch (depth_) {
            case 0:
                return top_level_error(scalar_offset(), k);
            case 1:
                if (key_ == "nodes" || key_ == "links" || key_ == "edges")
                    return shape_error(scalar_offset(), k, key_);
                if (key_ == "directed") {
                    if (k == Kind::Boolean)
                        directed_ = text == "true";
                    else if (k != Kind::Null)
                        return stop("E005", scalar_offset(),
                                    fmt::format("\"directed\" must be true or false, found {}",
                                                kind_name(k)));
                }
                return true;
            case 2:
                if (section_ != Section::Graph)
                    return shape_error(scalar_offset(), k, section_name());
                return value(Value{k, text, {}});
            default:
                return value(Value{k, std::move(text), {}});
        }
    }

    /// A complete value for key_ in the graph object or the current item.
    bool value(Value v) {
        if (v.kind == Kind::Null) return true;  // None: no value
        if (section_ == Section::Graph) {
            if (key_ == "name") name_ = std::move(v.text);
            if (key_ == "label") title_ = std::move(v.text);
            return true;
        }
        const bool node = section_ == Section::Nodes;
        const bool structured = v.kind == Kind::Array || v.kind == Kind::Object;
        const bool names_entity = node ? key_ == "id" : key_ == "source" || key_ == "target";
        if (names_entity && v.kind == Kind::Object) {
            // NetworkX writes tuple nodes as arrays, never as objects: an object here is a
            // mistake, and its compact JSON would be an id nobody can type.
            diags_.error("E005", {origin_, lines_.line(item_.offset)}, "",
                         fmt::format("{} \"{}\" must be a string or a number, found an object",
                                     node ? "node" : "link", key_),
                         fmt::format("write the id itself: \"{}\": \"acme\"", key_));
            item_.refused = true;
            ok_ = false;
            return true;
        }
        if (node && key_ == "id") {
            item_.id = structured ? std::move(v.json) : std::move(v.text);
        } else if (!node && (key_ == "source" || key_ == "target")) {
            (key_ == "source" ? item_.source : item_.target) =
                structured ? std::move(v.json) : std::move(v.text);
        } else if (key_ == "type") {
            item_.type = std::move(v.text);
        } else if (node && key_ == "label") {
            item_.label = std::move(v.text);
        } else if (!node && key_ == "key") {
            // the multigraph key tells parallel links apart; ecograph keeps them apart anyway
        } else if (!(v.kind == Kind::Array && v.text.empty())) {  // [] has no items: no value
            item_.attrs.emplace_back(attribute_name(key_, node), std::move(v.text));
        }
        return true;
    }

    void finish_item() {
        if (item_.refused) return;
        if (section_ == Section::Nodes)
            add_node(item_);
        else if (nodes_done_)
            add_link(item_);
        else
            pending_.push_back(std::move(item_));  // links before nodes: wait for the nodes
    }

    void add_node(Item& item) {
        const std::uint32_t line = lines_.line(item.offset);
        if (!item.id || item.id->empty()) {
            diags_.error("E007", {origin_, line}, "",
                         item.id ? "node with an empty \"id\"" : "node without an \"id\"",
                         "each node is {\"id\": ..., \"type\": ..., ...}");
            ok_ = false;
            return;
        }
        const Origin here{file_, line};
        const std::string& key = *item.id;
        EntityIndex v = b_.entity(key, here);
        if (v >= declared_.size()) declared_.resize(v + 1, false);
        declared_[v] = true;
        if (item.type && !item.type->empty()) {
            std::string previous(b_.entity_type(v));
            if (!b_.set_entity_type(v, *item.type))
                diags_.error("E301", {origin_, line}, key,
                             fmt::format("entity '{}' is declared as '{}' here but as '{}' before",
                                         key, *item.type, previous),
                             "give each id one type");
        }
        if (item.label) b_.set_entity_attr(v, "label", std::move(*item.label));
        for (auto& [k, value] : item.attrs) b_.set_entity_attr(v, k, std::move(value));
    }

    void add_link(Item& item) {
        const std::uint32_t line = lines_.line(item.offset);
        const Origin here{file_, line};
        std::optional<EntityIndex> ends[2];
        const std::optional<std::string>* ids[2] = {&item.source, &item.target};
        for (int i = 0; i < 2; ++i) {
            const char* which = i == 0 ? "source" : "target";
            if (!*ids[i] || (*ids[i])->empty()) {
                diags_.error(
                    "E007", {origin_, line}, "",
                    fmt::format("link {} \"{}\"", *ids[i] ? "with an empty" : "without a", which),
                    "each link is {\"source\": ..., \"target\": ..., \"type\": ...}");
                ok_ = false;
                return;
            }
            EntityIndex v = b_.entity(**ids[i], here);
            if (v >= declared_.size() || !declared_[v]) {
                diags_.error("E007", {origin_, line}, **ids[i],
                             fmt::format("link {} '{}' is not in \"nodes\"", which, **ids[i]),
                             "list every node the links use in \"nodes\"");
                ok_ = false;
                return;
            }
            ends[i] = v;
        }
        RelationIndex r = b_.add_relation(*ends[0], *ends[1], item.type ? *item.type : "", here);
        for (auto& [k, value] : item.attrs) b_.set_relation_attr(r, k, std::move(value));
    }

    std::string_view text_;
    Lines lines_;
    const std::string& origin_;
    GraphBuilder& b_;
    Diagnostics& diags_;
    const char* read_;  ///< how far the lexer has read (set by TrackingIterator)
    std::uint32_t file_ = 0;

    std::size_t depth_ = 0;  ///< containers open
    std::size_t skip_ = 0;   ///< containers open inside an ignored value
    Capture capture_;
    Section section_ = Section::None;
    std::string key_;
    Item item_;
    std::vector<Item> pending_;
    std::vector<bool> declared_;  ///< entities listed in this file's "nodes", by index
    bool seen_nodes_ = false, nodes_done_ = false, seen_links_ = false, edges_key_ = false;
    bool directed_ = false;  ///< NetworkX's node_link_graph default
    std::optional<std::string> name_, title_;
    bool ok_ = true, stopped_ = false;
};

}  // namespace

bool read_json(std::string_view raw, const std::string& origin, GraphBuilder& builder,
               Diagnostics& diags) {
    if (detail::refuse_binary(raw, origin, "JSON", diags)) return false;
    std::string sanitized;
    std::string_view text = detail::utf8_text(raw, origin, sanitized, diags);
    std::string_view body = text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.error("E003", {origin, 0}, "", fmt::format("no JSON in {} (empty file?)", origin),
                    "node-link data is {\"directed\": ..., \"nodes\": [...], \"links\": [...]}");
        return false;
    }
    return Reader(text, origin, builder, diags).run();
}

}  // namespace ecograph
