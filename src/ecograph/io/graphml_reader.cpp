#include "ecograph/io/graphml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <expat.h>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ecograph/core/utf8.hpp"
#include "ecograph/io/detail/text_input.hpp"

namespace ecograph {
namespace {

// Expat reports a namespaced name as "URI<sep>local". A space cannot occur in a namespace
// URI (expat rejects a URI holding the separator), so the split is unambiguous.
constexpr char kNsSeparator = ' ';
constexpr std::string_view kGraphmlNs = "http://graphml.graphdrawing.org/xmlns";
constexpr std::string_view kYworksNs = "http://www.yworks.com/xml/";
// Expat keeps its element stack on the heap, but a file nested this deep is not a graph;
// refusing it bounds the memory and time spent on it.
constexpr std::size_t kMaxDepth = 10000;
// Feeding expat in slices keeps its int lengths in range and lets a stop take effect early.
constexpr std::size_t kSlice = std::size_t{1} << 24;

std::pair<std::string_view, std::string_view> split_name(const XML_Char* name) {
    std::string_view n(name);
    auto sep = n.rfind(kNsSeparator);
    if (sep == std::string_view::npos) return {{}, n};
    return {n.substr(0, sep), n.substr(sep + 1)};
}

const XML_Char* attribute(const XML_Char** atts, std::string_view wanted) {
    for (; *atts; atts += 2)
        if (wanted == atts[0]) return atts[1];
    return nullptr;
}

using detail::line_at;

// The elements the reader distinguishes; everything it ignores is Skip (their content too).
enum class Kind { Graphml, Key, Default, Graph, Node, Edge, Data, NodeLabel, Skip };

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::Graphml:
            return "graphml";
        case Kind::Key:
            return "key";
        case Kind::Default:
            return "default";
        case Kind::Graph:
            return "graph";
        case Kind::Node:
            return "node";
        case Kind::Edge:
            return "edge";
        case Kind::Data:
            return "data";
        case Kind::NodeLabel:
            return "y:NodeLabel";
        case Kind::Skip:
            break;
    }
    return "?";
}

struct Key {
    std::string name;            ///< attr.name, else the key's id
    std::string domain;          ///< the `for` attribute: node, edge, graph, all...
    bool node_graphics = false;  ///< yEd's nodegraphics: the label is read from it
    bool ignored = false;        ///< other yEd graphics and resources
    /// attr.type: how a value must read. "string" and types GraphML does not define (some
    /// tools write their own) take any text.
    enum class Type { Text, Boolean, Integer, Real } type = Type::Text;
    std::optional<std::string> preset;  ///< <default>
    std::uint32_t line = 0;

    bool applies_to(std::string_view owner) const { return domain == owner || domain == "all"; }
};

using DataList = std::vector<std::pair<std::size_t, std::string>>;  // (key index, text)

struct NodeState {
    bool valid = false;
    EntityIndex v = 0;
    std::uint32_t line = 0;
    DataList data;
    std::string graphics_label;  ///< the first yEd NodeLabel text
};

struct EdgeState {
    bool valid = false;
    std::string source, target;
    std::uint32_t line = 0;
    DataList data;
};

class Reader {
public:
    Reader(const std::string& origin, GraphBuilder& b, Diagnostics& diags)
        : origin_(origin), b_(b), diags_(diags) {}

    bool parse(std::string_view text) {
        struct Free {
            void operator()(XML_Parser p) const { XML_ParserFree(p); }
        };
        std::unique_ptr<XML_ParserStruct, Free> owner(XML_ParserCreateNS(nullptr, kNsSeparator));
        if (!owner) {
            error("E001", 1, "cannot create an XML parser (out of memory)");
            return false;
        }
        parser_ = owner.get();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &Reader::on_start, &Reader::on_end);
        XML_SetCharacterDataHandler(parser_, &Reader::on_text);
        // Safety: no declared entity is ever expanded and nothing outside the text is read.
        XML_SetEntityDeclHandler(parser_, &Reader::on_entity_decl);
        XML_SetSkippedEntityHandler(parser_, &Reader::on_skipped_entity);
        XML_SetStartDoctypeDeclHandler(parser_, &Reader::on_doctype);
        XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);

        text_all_ = text;
        file_ = b_.add_file(origin_);
        before_ = b_.entity_count();
        primary_ = b_.files().size() == 1;
        bool parsed = true;
        do {
            std::size_t n = std::min(text.size(), kSlice);
            bool last = n == text.size();
            if (XML_Parse(parser_, text.data(), static_cast<int>(n), last) != XML_STATUS_OK) {
                parsed = false;
                break;
            }
            text.remove_prefix(n);
        } while (!text.empty());
        if (!parsed && !stopped_) {
            XML_Error code = XML_GetErrorCode(parser_);
            auto line = static_cast<std::uint32_t>(XML_GetErrorLineNumber(parser_));
            if (code == XML_ERROR_NO_ELEMENTS && !seen_root_) {
                error("E003", line, fmt::format("no graph in {} (no XML element)", origin_),
                      "a GraphML file holds <graphml><graph>...</graph></graphml>");
            } else {
                error("E001", line,
                      fmt::format("XML syntax error: {} (column {})", XML_ErrorString(code),
                                  XML_GetErrorColumnNumber(parser_) + 1));
            }
        }
        parser_ = nullptr;
        if (!parsed) return false;
        if (graphs_ == 0) {
            error("E003", root_line_, fmt::format("no <graph> in {}", origin_),
                  "a GraphML file holds <graphml><graph>...</graph></graphml>");
            return false;
        }
        // GraphML declares every node; an edge to an undeclared one is a broken reference.
        std::vector<std::pair<std::uint32_t, EntityIndex>> dangling;
        for (auto [v, line] : pending_) dangling.emplace_back(line, v);
        std::sort(dangling.begin(), dangling.end());
        for (auto [line, v] : dangling) {
            std::string id(b_.entity_id(v));
            diags_.error("E007", {origin_, line}, id,
                         fmt::format("edge end '{}' is not declared as a <node>", id),
                         fmt::format("declare it: <node id=\"{}\"/>", id));
        }
        return ok_ && dangling.empty();
    }

private:
    // ---- expat callbacks ----------------------------------------------------------------
    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** atts) {
        static_cast<Reader*>(self)->start(name, atts);
    }
    static void XMLCALL on_end(void* self, const XML_Char*) { static_cast<Reader*>(self)->end(); }
    static void XMLCALL on_text(void* self, const XML_Char* s, int len) {
        auto* r = static_cast<Reader*>(self);
        if (r->text_ && r->stack_.size() == r->text_depth_ && !r->stopped_)
            r->text_->append(s, static_cast<std::size_t>(len));
    }
    static void XMLCALL on_entity_decl(void* self, const XML_Char* name, int, const XML_Char*, int,
                                       const XML_Char*, const XML_Char* system_id, const XML_Char*,
                                       const XML_Char*) {
        auto* r = static_cast<Reader*>(self);
        r->fatal(system_id
                     ? fmt::format("entity declarations are not allowed (external entities are "
                                   "never loaded): entity '{}' refers to '{}'",
                                   name, system_id)
                     : fmt::format("entity declarations are not allowed (XML entity expansion is "
                                   "refused): entity '{}'",
                                   name),
                 "remove the <!DOCTYPE> internal subset; GraphML needs no entities");
    }
    static void XMLCALL on_skipped_entity(void* self, const XML_Char* name, int) {
        static_cast<Reader*>(self)->fatal(
            fmt::format("reference to undefined entity '&{};' (entities are not expanded)", name),
            "write the character itself or a character reference such as &#233;");
    }

    // With an external DTD (never read), expat silently drops an undefined entity reference
    // from an attribute value (in text it reports it as skipped). An id must not change
    // silently, so such a file is refused at its first reference to a non-predefined entity.
    static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char* system_id,
                                   const XML_Char*, int) {
        auto* r = static_cast<Reader*>(self);
        if (!system_id) return;
        std::string_view rest = r->text_all_;
        std::size_t at = 0;
        while ((at = rest.find('&', at)) != std::string_view::npos) {
            std::size_t end = at + 1;
            while (end < rest.size() &&
                   (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '_' ||
                    rest[end] == '-' || rest[end] == '.' || rest[end] == ':'))
                ++end;
            std::string_view name = rest.substr(at + 1, end - at - 1);
            if (!name.empty() && end < rest.size() && rest[end] == ';' && name != "amp" &&
                name != "lt" && name != "gt" && name != "quot" && name != "apos") {
                r->stopped_ = true;
                r->error("E001", line_at(rest, at),
                         fmt::format("reference to undefined entity '&{};' (entities are not "
                                     "expanded and the DTD '{}' is not read)",
                                     name, system_id),
                         "write the character itself or a character reference such as &#233;");
                XML_StopParser(r->parser_, XML_FALSE);
                return;
            }
            at = end;
        }
    }

    // ---- diagnostics --------------------------------------------------------------------
    std::uint32_t line() const {
        return static_cast<std::uint32_t>(XML_GetCurrentLineNumber(parser_));
    }
    void error(const char* code, std::uint32_t line, std::string message, std::string hint = {},
               std::string subject = {}) {
        diags_.error(code, {origin_, line}, std::move(subject), std::move(message),
                     std::move(hint));
        ok_ = false;
    }
    // Stops the parse: the rest of the file is not looked at.
    void fatal(std::string message, std::string hint = {}) {
        if (stopped_) return;
        error("E001", line(), std::move(message), std::move(hint));
        stopped_ = true;
        XML_StopParser(parser_, XML_FALSE);
    }

    // ---- elements -----------------------------------------------------------------------
    void start(const XML_Char* name, const XML_Char** atts) {
        if (stopped_) return;
        if (stack_.size() >= kMaxDepth) {
            fatal(fmt::format("elements nested more than {} deep", kMaxDepth),
                  "a GraphML graph is a flat list of nodes and edges");
            return;
        }
        auto [ns, local] = split_name(name);
        const bool graphml = ns.empty() || ns.substr(0, kGraphmlNs.size()) == kGraphmlNs;
        if (stack_.empty()) {
            seen_root_ = true;
            root_line_ = line();
            if (local != "graphml" || !graphml) {
                fatal(ns.empty() || graphml
                          ? fmt::format("root element is <{}>, not <graphml>", local)
                          : fmt::format("root element is <{}> in namespace '{}', not <graphml>",
                                        local, ns),
                      "this is not a GraphML file; pick the format with --from");
                return;
            }
            stack_.push_back(Kind::Graphml);
            return;
        }
        const Kind parent = stack_.back();
        Kind kind = Kind::Skip;
        if (parent == Kind::Data || parent == Kind::Skip || parent == Kind::Default ||
            parent == Kind::NodeLabel) {
            // Data content: only yEd's node label is looked at.
            if (local == "NodeLabel" && ns.substr(0, kYworksNs.size()) == kYworksNs &&
                in_node_graphics_ && !nodes_.empty() && nodes_.back().graphics_label.empty()) {
                kind = Kind::NodeLabel;
                label_text_.clear();
                collect(&label_text_);
            }
        } else if (graphml) {
            kind = element(local, parent, atts);
        }
        stack_.push_back(kind);
    }

    // A GraphML element (namespace checked) under a structural parent.
    Kind element(std::string_view local, Kind parent, const XML_Char** atts) {
        auto misplaced = [&] {
            error("E005", line(),
                  fmt::format("<{}> is not allowed inside <{}>", local, kind_name(parent)));
            return Kind::Skip;
        };
        if (local == "key") return parent == Kind::Graphml ? start_key(atts) : misplaced();
        if (local == "graph") {
            if (parent != Kind::Graphml && parent != Kind::Node && parent != Kind::Edge)
                return misplaced();
            return start_graph(atts);
        }
        if (local == "node") return parent == Kind::Graph ? start_node(atts) : misplaced();
        if (local == "edge") return parent == Kind::Graph ? start_edge(atts) : misplaced();
        if (local == "hyperedge") {
            error("E005", line(), "hyperedges are not supported",
                  "write each connection as an <edge source=\"...\" target=\"...\">");
            return Kind::Skip;
        }
        if (local == "data") {
            if (parent == Kind::Key || parent == Kind::Graphml) return Kind::Skip;
            return start_data(atts, parent);
        }
        if (local == "default" && parent == Kind::Key && current_key_) {
            default_text_.clear();
            collect(&default_text_);
            return Kind::Default;
        }
        return Kind::Skip;  // desc, port, locator, unknown GraphML extensions
    }

    void collect(std::string* target) {
        text_ = target;
        text_depth_ = stack_.size() + 1;  // the element about to be pushed
    }

    Kind start_key(const XML_Char** atts) {
        current_key_.reset();
        const XML_Char* id = attribute(atts, "id");
        if (!id || !*id) {
            error("E005", line(), "<key> without an id",
                  "write <key id=\"d0\" for=\"node\" attr.name=\"...\"/>");
            return Kind::Key;
        }
        Key k;
        const XML_Char* name = attribute(atts, "attr.name");
        k.name = name ? name : id;
        const XML_Char* domain = attribute(atts, "for");
        k.domain = domain ? domain : "all";
        if (const XML_Char* yfiles = attribute(atts, "yfiles.type")) {
            k.node_graphics = std::string_view(yfiles) == "nodegraphics";
            k.ignored = !k.node_graphics;
        }
        const XML_Char* type = attribute(atts, "attr.type");
        k.type = value_type(type ? type : "string");
        k.line = line();
        // Ids are unique in GraphML, but a node key and an edge key sharing one (as some
        // exporters write them) are told apart by the element that uses them.
        auto& same_id = key_index_[id];
        for (std::size_t other : same_id)
            if (keys_[other].domain == k.domain || keys_[other].domain == "all" ||
                k.domain == "all") {
                error("E005", k.line,
                      fmt::format("key '{}' is declared twice (first at line {})", id,
                                  keys_[other].line),
                      "give each <key> its own id");
                return Kind::Key;
            }
        same_id.push_back(keys_.size());
        current_key_ = keys_.size();
        keys_.push_back(std::move(k));
        return Kind::Key;
    }

    Kind start_graph(const XML_Char** atts) {
        ++graphs_;
        const XML_Char* edgedefault = attribute(atts, "edgedefault");
        std::string_view mode = edgedefault ? edgedefault : "directed";
        if (mode != "directed" && mode != "undirected")
            error("E005", line(),
                  fmt::format("edgedefault is '{}', not 'directed' or 'undirected'", mode));
        const bool directed = mode != "undirected";
        if (!nodes_.empty() || !edges_.empty()) {
            if (!warned_nested_) {
                warned_nested_ = true;
                std::string where = "an <edge>";
                if (stack_.back() == Kind::Node)
                    where = nodes_.back().valid
                                ? fmt::format("node '{}'", b_.entity_id(nodes_.back().v))
                                : "a <node>";
                diags_.warning("W001", {origin_, line()}, "",
                               fmt::format("nested graph inside {} flattened: its nodes and edges "
                                           "are read into the enclosing graph (so are any further "
                                           "nested graphs)",
                                           where),
                               "yEd writes groups this way; the group node is kept as an entity");
            }
            return Kind::Graph;
        }
        graph_primary_ = primary_ && top_graphs_ == 0;
        if (graph_primary_) {
            b_.set_directed(directed);
            if (const XML_Char* id = attribute(atts, "id")) b_.set_name(id);
        } else if (directed != b_.directed()) {
            diags_.warning("W003", {origin_, line()}, "",
                           fmt::format("{} graph merged into a {} one: its edges are read as "
                                       "relations in the direction written",
                                       directed ? "directed" : "undirected",
                                       b_.directed() ? "directed" : "undirected"));
        }
        ++top_graphs_;
        return Kind::Graph;
    }

    Kind start_node(const XML_Char** atts) {
        NodeState n;
        n.line = line();
        const XML_Char* id = attribute(atts, "id");
        if (!id || !*id) {
            error("E005", n.line, "<node> without an id", "write <node id=\"...\">");
        } else {
            Origin here{file_, n.line};
            n.v = b_.entity(id, here);
            n.valid = true;
            if (n.v >= declared_.size()) declared_.resize(n.v + 1, 0);
            if (declared_[n.v]) {
                // Two <node>s with one id: GraphML forbids it, and merging them would hide
                // which one an edge or a data element meant.
                error("E005", n.line,
                      fmt::format("node '{}' is declared twice (first at line {})", id,
                                  declared_[n.v]),
                      "give each <node> its own id");
                n.valid = false;
            } else {
                if (n.v >= before_) b_.set_entity_origin(n.v, here);
                declared_[n.v] = n.line;
                pending_.erase(n.v);
            }
        }
        nodes_.push_back(std::move(n));
        return Kind::Node;
    }

    Kind start_edge(const XML_Char** atts) {
        EdgeState e;
        e.line = line();
        const XML_Char* source = attribute(atts, "source");
        const XML_Char* target = attribute(atts, "target");
        if (!source || !*source || !target || !*target) {
            error("E007", e.line, "<edge> without a source or target",
                  "write <edge source=\"a\" target=\"b\">");
        } else {
            e.valid = true;
            e.source = source;
            e.target = target;
        }
        edges_.push_back(std::move(e));
        return Kind::Edge;
    }

    Kind start_data(const XML_Char** atts, Kind parent) {
        const XML_Char* key = attribute(atts, "key");
        if (!key) {
            error("E005", line(), "<data> without a key", "write <data key=\"d0\">...</data>");
            return Kind::Skip;
        }
        auto it = key_index_.find(key);
        if (it == key_index_.end() || it->second.empty()) {
            error("E005", line(), fmt::format("<data> refers to undeclared key '{}'", key),
                  fmt::format("declare it before the <graph>: <key id=\"{}\" for=\"{}\" "
                              "attr.name=\"...\" attr.type=\"string\"/>",
                              key, kind_name(parent)));
            return Kind::Skip;
        }
        const std::string_view owner = kind_name(parent);
        data_key_ = it->second.front();
        for (std::size_t k : it->second)
            if (keys_[k].applies_to(owner)) data_key_ = k;
        data_owner_ = parent;
        data_line_ = line();
        data_text_.clear();
        in_node_graphics_ = parent == Kind::Node && keys_[data_key_].node_graphics;
        if (!keys_[data_key_].node_graphics && !keys_[data_key_].ignored) collect(&data_text_);
        return Kind::Data;
    }

    void end() {
        if (stopped_ || stack_.empty()) return;
        const Kind kind = stack_.back();
        if (text_ && text_depth_ == stack_.size()) text_ = nullptr;
        switch (kind) {
            case Kind::Node:
                finish_node(nodes_.back());
                nodes_.pop_back();
                break;
            case Kind::Edge:
                finish_edge(edges_.back());
                edges_.pop_back();
                break;
            case Kind::Data:
                finish_data();
                break;
            case Kind::NodeLabel:
                if (!nodes_.empty() && nodes_.back().graphics_label.empty())
                    nodes_.back().graphics_label = std::move(label_text_);
                break;
            case Kind::Default:
                if (check_value(keys_[*current_key_], default_text_, line(), "<default>"))
                    keys_[*current_key_].preset = std::move(default_text_);
                break;
            case Kind::Graph:
                if (nodes_.empty() && edges_.empty()) graph_primary_ = false;
                break;
            case Kind::Key:
                current_key_.reset();
                break;
            case Kind::Graphml:
            case Kind::Skip:
                break;
        }
        stack_.pop_back();
    }

    void finish_data() {
        const Key& k = keys_[data_key_];
        in_node_graphics_ = false;
        if (k.node_graphics || k.ignored) return;
        if (!check_value(k, data_text_, data_line_, "<data>")) return;
        switch (data_owner_) {
            case Kind::Node:
                if (nodes_.back().valid)
                    nodes_.back().data.emplace_back(data_key_, std::move(data_text_));
                break;
            case Kind::Edge:
                if (edges_.back().valid)
                    edges_.back().data.emplace_back(data_key_, std::move(data_text_));
                break;
            case Kind::Graph:
                // Only the outermost graph of the first file names the graph.
                if (!graph_primary_ || !nodes_.empty() || !edges_.empty()) break;
                if (k.name == "label") b_.set_title(data_text_);
                if (k.name == "name") b_.set_name(data_text_);
                break;
            default:
                break;
        }
    }

    // Calls apply(key, text) for each data of the owner, then for each key default the owner
    // lacks (GraphML semantics: a <default> holds for every element without that data).
    template <typename Apply>
    void each_value(const DataList& data, std::string_view owner, Apply apply) {
        for (const auto& [key, text] : data) apply(keys_[key], canonical(keys_[key], text));
        for (std::size_t key = 0; key < keys_.size(); ++key) {
            const Key& k = keys_[key];
            if (!k.preset || !k.applies_to(owner) || k.node_graphics || k.ignored) continue;
            bool present = std::any_of(data.begin(), data.end(),
                                       [&](const auto& d) { return d.first == key; });
            if (!present) apply(k, canonical(k, *k.preset));
        }
    }

    static Key::Type value_type(std::string_view type) {
        if (type == "boolean") return Key::Type::Boolean;
        if (type == "int" || type == "long") return Key::Type::Integer;
        if (type == "float" || type == "double") return Key::Type::Real;
        return Key::Type::Text;
    }

    // False, with error E005 at `line`, when `text` does not read as the key's attr.type (as
    // xs:boolean, xs:long or xs:double read it, surrounding white space allowed). Empty text is
    // no value and fits every type.
    bool check_value(const Key& k, std::string_view text, std::uint32_t line,
                     std::string_view element) {
        if (attr_value_fits(k, text)) return true;
        static constexpr std::string_view kNames[] = {"string", "boolean", "integer", "number"};
        std::string shown(text.substr(0, 40));
        if (text.size() > 40) shown += "...";
        error("E005", line,
              fmt::format("{} of key '{}' is '{}', not {} as its attr.type says", element, k.name,
                          sanitize_utf8(shown), kNames[static_cast<int>(k.type)]),
              k.type == Key::Type::Boolean ? "write true or false"
              : k.type == Key::Type::Integer
                  ? "write a whole number such as 2009, or declare attr.type=\"string\""
                  : "write a number such as 1.5, or declare attr.type=\"string\"");
        return false;
    }

    static bool attr_value_fits(const Key& k, std::string_view text) {
        if (k.type == Key::Type::Text) return true;
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        while (!text.empty() && space(text.front())) text.remove_prefix(1);
        while (!text.empty() && space(text.back())) text.remove_suffix(1);
        if (text.empty()) return true;
        if (k.type == Key::Type::Boolean) {
            const std::string t(text);
            const std::string& c = canonical(k, t);
            return c == "true" || c == "false";
        }
        if (text.front() == '+') text.remove_prefix(1);
        const char* end = text.data() + text.size();
        if (k.type == Key::Type::Integer) {
            std::int64_t v = 0;
            auto [ptr, ec] = std::from_chars(text.data(), end, v);
            return ec == std::errc() && ptr == end;
        }
        double v = 0;  // from_chars also reads INF, -INF and NaN, as xs:double writes them
        auto [ptr, ec] = std::from_chars(text.data(), end, v);
        return (ec == std::errc() || ec == std::errc::result_out_of_range) && ptr == end;
    }

    // A boolean key's value in the schema's spelling: xs:boolean allows 1 and 0, and NetworkX
    // writes Python's True and False. Any other text stays as written (validate reports it).
    static const std::string& canonical(const Key& k, const std::string& text) {
        static const std::string kTrue = "true", kFalse = "false";
        if (k.type != Key::Type::Boolean || text == kTrue || text == kFalse) return text;
        auto lower = [&](std::string_view want) {
            return text.size() == want.size() &&
                   std::equal(text.begin(), text.end(), want.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                   });
        };
        if (text == "1" || lower(kTrue)) return kTrue;
        if (text == "0" || lower(kFalse)) return kFalse;
        return text;
    }

    void finish_node(NodeState& n) {
        if (!n.valid) return;
        bool labelled = false;
        each_value(n.data, "node", [&](const Key& k, const std::string& text) {
            if (k.name == "type") {
                if (text.empty()) return;
                std::string previous(b_.entity_type(n.v));
                if (!b_.set_entity_type(n.v, text)) {
                    std::string id(b_.entity_id(n.v));
                    error("E301", n.line,
                          fmt::format("entity '{}' is declared as '{}' here but as '{}' before", id,
                                      text, previous),
                          "give each id one type", id);
                }
            } else if (k.name == "label") {
                if (text.empty()) return;
                b_.set_entity_attr(n.v, "label", text);
                labelled = true;
            } else {
                b_.set_entity_attr(n.v, k.name, text);
            }
        });
        if (!labelled && !n.graphics_label.empty())
            b_.set_entity_attr(n.v, "label", std::move(n.graphics_label));
    }

    void finish_edge(EdgeState& e) {
        if (!e.valid) return;
        Origin here{file_, e.line};
        EntityIndex s = b_.entity(e.source, here), t = b_.entity(e.target, here);
        for (EntityIndex v : {s, t})
            if (v >= declared_.size() || !declared_[v]) pending_.emplace(v, e.line);
        std::string type;
        each_value(e.data, "edge", [&](const Key& k, const std::string& text) {
            if (k.name == "type") type = text;
        });
        RelationIndex r = b_.add_relation(s, t, type, here);
        each_value(e.data, "edge", [&](const Key& k, const std::string& text) {
            if (k.name != "type") b_.set_relation_attr(r, k.name, text);
        });
    }

    const std::string& origin_;
    GraphBuilder& b_;
    Diagnostics& diags_;
    XML_Parser parser_ = nullptr;
    std::string_view text_all_;
    std::uint32_t file_ = 0;
    std::size_t before_ = 0;  ///< entities that existed before this file
    bool primary_ = false;    ///< the first file: its graph sets directedness, name and title
    bool ok_ = true, stopped_ = false, seen_root_ = false, warned_nested_ = false;
    std::uint32_t root_line_ = 1;
    std::size_t graphs_ = 0, top_graphs_ = 0;
    bool graph_primary_ = false;

    std::vector<Kind> stack_;
    std::string* text_ = nullptr;  ///< where character data goes, for the element at text_depth_
    std::size_t text_depth_ = 0;

    std::vector<Key> keys_;
    std::unordered_map<std::string, std::vector<std::size_t>> key_index_;
    std::optional<std::size_t> current_key_;
    std::string default_text_;

    std::vector<NodeState> nodes_;  ///< open <node> elements (nested graphs open several)
    std::vector<EdgeState> edges_;
    std::size_t data_key_ = 0;
    Kind data_owner_ = Kind::Skip;
    std::string data_text_, label_text_;
    std::uint32_t data_line_ = 0;  ///< where the <data> being read starts
    bool in_node_graphics_ = false;

    /// By entity: the line of the <node> of this file that declares it, or 0.
    std::vector<std::uint32_t> declared_;
    std::unordered_map<EntityIndex, std::uint32_t> pending_;  ///< edge ends not yet declared
};

// True unless the XML declaration names another encoding than UTF-8 (which expat decodes itself).
bool utf8_or_undeclared(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.substr(0, 5) != "<?xml") return true;
    std::string_view decl = text.substr(0, text.find("?>"));
    auto at = decl.find("encoding");
    if (at == std::string_view::npos) return true;
    auto open = decl.find_first_of("\"'", at);
    if (open == std::string_view::npos) return true;
    auto close = decl.find(decl[open], open + 1);
    std::string name(decl.substr(open + 1, close == std::string_view::npos ? 0 : close - open - 1));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return name == "utf-8" || name == "utf8";
}

}  // namespace

bool read_graphml(std::string_view raw, const std::string& origin, GraphBuilder& builder,
                  Diagnostics& diags) {
    if (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF") {
        diags.error("E001", {origin, 1}, "", "UTF-16 GraphML is not supported",
                    "save the file as UTF-8");
        return false;
    }
    if (detail::refuse_binary(raw, origin, "GraphML", diags)) return false;
    if (raw.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.error("E003", {origin, 1}, "", fmt::format("no graph in {} (empty file)", origin),
                    "a GraphML file holds <graphml><graph>...</graph></graphml>");
        return false;
    }
    std::string sanitized;
    std::string_view text = raw;
    // A file in another declared encoding (ISO-8859-1, US-ASCII) is decoded by expat.
    if (utf8_or_undeclared(raw) && !is_valid_utf8(raw)) {
        sanitized = sanitize_utf8(raw);
        auto diff = std::mismatch(raw.begin(), raw.end(), sanitized.begin(), sanitized.end());
        diags.warning("W002", {origin, line_at(raw, diff.first - raw.begin())}, "",
                      "invalid UTF-8 replaced with U+FFFD", "save the file as UTF-8");
        text = sanitized;
    }
    return Reader(origin, builder, diags).parse(text);
}

}  // namespace ecograph
