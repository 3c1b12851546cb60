#include "ecograph/io/dot_scan.hpp"

#include <cctype>
#include <charconv>

namespace ecograph::detail {
namespace {

enum class Tok { Id, Keyword, EdgeOp, Punct, End };

struct Token {
    Tok kind;
    std::string value;  // the id as cgraph will see it; keyword lowercased; punctuation char
    std::uint32_t line;
};

bool id_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool id_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

bool is_keyword(std::string_view s) {
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "node" || lower == "edge" || lower == "graph" || lower == "digraph" ||
           lower == "subgraph" || lower == "strict";
}

class Lexer {
public:
    // Placeholders are "\x1E<index>\x1F"; an input that holds \x1E itself is read without them
    // (correct, only slower on very long tokens).
    Lexer(std::string_view in, DotScan& out)
        : in_(in), out_(out), placeholders_(in.find('\x1E') == std::string_view::npos) {}

    template <typename Sink>
    void run(Sink& toks) {
        bool line_start = true;
        while (pos_ < in_.size()) {
            char c = in_[pos_];
            if (c == '\n') {
                copy(1);
                ++line_;
                line_start = true;
                continue;
            }
            if (std::isspace(static_cast<unsigned char>(c))) {
                copy(1);
                continue;
            }
            if (line_start && c == '#') {  // cpp output lines are ignored by cgraph
                skip_to_eol();
                continue;
            }
            line_start = false;
            if (c == '/' && peek(1) == '/') {
                skip_to_eol();
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                std::size_t end = in_.find("*/", pos_ + 2);
                copy_counting((end == std::string_view::npos ? in_.size() : end + 2) - pos_);
                continue;
            }
            std::uint32_t line = line_;
            if (c == '"') {
                toks.feed({Tok::Id, quoted(), line});
            } else if (c == '<') {
                toks.feed({Tok::Id, html(), line});
            } else if ((c == '-' && (peek(1) == '>' || peek(1) == '-'))) {
                copy(2);
                toks.feed({Tok::EdgeOp, "", line});
            } else if (id_start(static_cast<unsigned char>(c)) ||
                       std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-') {
                toks.feed(plain(line));
            } else {
                copy(1);
                toks.feed({Tok::Punct, std::string(1, c), line});
            }
        }
        out_.lines = line_;
        toks.feed({Tok::End, "", line_});
    }

private:
    char peek(std::size_t k) const { return pos_ + k < in_.size() ? in_[pos_ + k] : '\0'; }
    void copy(std::size_t n) {
        out_.text.append(in_.substr(pos_, n));
        pos_ += n;
    }
    void copy_counting(std::size_t n) {
        for (std::size_t i = 0; i < n; ++i)
            if (in_[pos_ + i] == '\n') ++line_;
        copy(n);
    }
    void skip_to_eol() {
        std::size_t end = in_.find('\n', pos_);
        copy((end == std::string_view::npos ? in_.size() : end) - pos_);
    }

    // Emits either the raw span [start, pos_) or, when it is long or starts with '%' (a name
    // cgraph would take for one of its anonymous ids), a placeholder.
    void emit(std::size_t start, std::string value, std::uint32_t newlines) {
        const bool percent = !value.empty() && value[0] == '%';
        if ((pos_ - start <= DotScan::kLongToken && !percent) || !placeholders_) {
            if (percent) out_.percent_ids.push_back(line_ - newlines);
            out_.text.append(in_.substr(start, pos_ - start));
            return;
        }
        out_.text += "\"\x1E";
        out_.text += std::to_string(out_.long_values.size());
        out_.text.append(newlines, '\n');
        out_.text += "\x1F\"";
        out_.long_values.push_back(std::move(value));
    }

    // One quoted string, unescaped as cgraph does: \" becomes ", backslash-newline vanishes,
    // every other backslash stays. Returns false at end of input (unterminated).
    bool quoted_part(std::string& value, std::uint32_t& newlines) {
        ++pos_;  // opening quote
        while (pos_ < in_.size()) {
            char c = in_[pos_];
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c == '\\' && peek(1) == '"') {
                value += '"';
                pos_ += 2;
            } else if (c == '\\' && peek(1) == '\\') {
                value += "\\\\";
                pos_ += 2;
            } else if (c == '\\' && peek(1) == '\n') {
                ++newlines;
                pos_ += 2;
            } else {
                if (c == '\n') out_.uncounted_newlines.push_back(line_ + newlines++);
                value += c;
                ++pos_;
            }
        }
        return false;
    }

    std::string quoted() {
        std::size_t start = pos_;
        std::string value;
        std::uint32_t newlines = 0;
        if (!quoted_part(value, newlines)) {
            // Unterminated: hand it to cgraph untouched, it reports the error.
            pos_ = start;
            copy_counting(in_.size() - start);
            return value;
        }
        // "a" + "b" + ... is one id.
        for (;;) {
            std::size_t save = pos_;
            std::uint32_t nl = 0;
            while (pos_ < in_.size() && std::isspace(static_cast<unsigned char>(in_[pos_]))) {
                if (in_[pos_] == '\n') ++nl;
                ++pos_;
            }
            if (pos_ >= in_.size() || in_[pos_] != '+') {
                pos_ = save;
                break;
            }
            ++pos_;
            while (pos_ < in_.size() && std::isspace(static_cast<unsigned char>(in_[pos_]))) {
                if (in_[pos_] == '\n') ++nl;
                ++pos_;
            }
            if (pos_ >= in_.size() || in_[pos_] != '"') {
                pos_ = save;
                break;
            }
            newlines += nl;
            if (!quoted_part(value, newlines)) {
                pos_ = save;
                break;
            }
        }
        line_ += newlines;
        emit(start, value, newlines);
        return value;
    }

    std::string html() {
        std::size_t start = pos_;
        int depth = 0;
        std::uint32_t newlines = 0;
        while (pos_ < in_.size()) {
            char c = in_[pos_++];
            if (c == '\n') ++newlines;
            if (c == '<') ++depth;
            if (c == '>' && --depth == 0) break;
        }
        std::string value(in_.substr(start + 1, pos_ - start - (depth == 0 ? 2 : 1)));
        line_ += newlines;
        emit(start, value, newlines);
        return value;
    }

    Token plain(std::uint32_t line) {
        std::size_t start = pos_;
        if (id_start(static_cast<unsigned char>(in_[pos_]))) {
            while (pos_ < in_.size() && id_char(static_cast<unsigned char>(in_[pos_]))) ++pos_;
        } else {  // numeral, as cgraph's scanner reads it: -?([0-9]+(.[0-9]*)? | .[0-9]+)
            auto digit = [&](std::size_t at) {
                return at < in_.size() && std::isdigit(static_cast<unsigned char>(in_[at]));
            };
            if (in_[pos_] == '-') ++pos_;
            if (digit(pos_)) {
                while (digit(pos_)) ++pos_;
                if (pos_ < in_.size() && in_[pos_] == '.') {
                    ++pos_;
                    while (digit(pos_)) ++pos_;
                }
            } else if (pos_ < in_.size() && in_[pos_] == '.' && digit(pos_ + 1)) {
                ++pos_;
                while (digit(pos_)) ++pos_;
            }
            if (pos_ == start || (pos_ == start + 1 && in_[start] == '-')) {
                // a lone '-' or '.': punctuation, which cgraph reports as a syntax error
                pos_ = start + 1;
                out_.text += in_[start];
                return {Tok::Punct, std::string(1, in_[start]), line};
            }
            // A numeral running into '.' or a letter is split in two by cgraph (`1.2.3` is
            // `1.2` and `.3`); the scan splits it the same way and records it.
            if (pos_ < in_.size() && (in_[pos_] == '.' || id_start(in_[pos_]))) {
                std::size_t end = pos_;  // the whole word as written, for the message
                while (end < in_.size() && (in_[end] == '.' || id_char(in_[end]))) ++end;
                out_.bad_numerals.push_back({std::string(in_.substr(start, end - start)), line});
            }
        }
        std::string value(in_.substr(start, pos_ - start));
        emit(start, value, 0);
        if (is_keyword(value)) {
            std::string lower;
            for (char c : value)
                lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return {Tok::Keyword, lower, line};
        }
        return {Tok::Id, value, line};
    }

    std::string_view in_;
    DotScan& out_;
    bool placeholders_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
};

// A light statement walk: which ids are nodes, where edges are, how long chains get. Tokens
// stream through a window of three (previous, current, next): the file is never held as a
// token list, which would cost more than the graph.
class Walker {
public:
    explicit Walker(DotScan& out) : out_(out) {}

    void feed(Token t) {
        window_[0] = std::move(window_[1]);
        window_[1] = std::move(window_[2]);
        window_[2] = std::move(t);
        ++count_;
        if (count_ >= 2) step(count_ >= 3 ? &window_[0] : nullptr, window_[1], window_[2]);
        if (window_[2].kind == Tok::End) step(&window_[1], window_[2], window_[2]);
    }

private:
    void end_chain() {
        if (chain_ + 1 > out_.longest_chain && chain_ > 0) {
            out_.longest_chain = chain_ + 1;
            out_.longest_chain_line = chain_line_;
        }
        chain_ = 0;
    }

    void step(const Token* prev, const Token& t, const Token& next) {
        if (t.kind == Tok::Id && next.kind == Tok::Punct && next.value == "=" &&
            out_.too_many_attributes_line == 0 && out_.attribute_names.insert(t.value).second &&
            out_.attribute_names.size() > DotScan::kMaxAttributeNames)
            out_.too_many_attributes_line = t.line;
        if (t.kind == Tok::Punct && t.value == "[") ++attr_depth_;
        if (t.kind == Tok::Punct && t.value == "]" && attr_depth_ > 0) --attr_depth_;
        if (attr_depth_ > 0 || t.kind == Tok::End) {
            if (t.kind == Tok::End) end_chain();
            return;
        }
        if (t.kind == Tok::Punct && t.value == "{" && ++depth_ > out_.max_depth) {
            out_.max_depth = depth_;
            out_.max_depth_line = t.line;
        }
        if (t.kind == Tok::Punct && t.value == "}" && depth_ > 0) --depth_;
        if (t.kind == Tok::EdgeOp) {
            if (chain_ == 0) chain_line_ = t.line;
            ++chain_;
            after_op_ = true;
            return;
        }
        if (t.kind == Tok::Id) {
            bool named_graph =
                prev && prev->kind == Tok::Keyword &&
                (prev->value == "subgraph" || prev->value == "graph" || prev->value == "digraph");
            bool port = prev && prev->kind == Tok::Punct && prev->value == ":";
            bool assignment = next.kind == Tok::Punct && next.value == "=";
            bool value = prev && prev->kind == Tok::Punct && prev->value == "=";
            if (named_graph || port || assignment || value) return;
            auto [it, fresh] =
                out_.ids.try_emplace(t.value, static_cast<std::uint32_t>(out_.ids.size()));
            if (fresh) {
                out_.first_line.push_back(t.line);
                out_.decl_line.push_back(0);
            }
            const std::uint32_t id = it->second;
            // `x [..]` declares x, but in `a -> x [..]` the list belongs to the edge.
            bool in_edge = after_op_ || next.kind == Tok::EdgeOp;
            if (!in_edge && next.kind == Tok::Punct && next.value == "[" && out_.decl_line[id] == 0)
                out_.decl_line[id] = t.line;
            if (after_op_ && tail_ >= 0 && prev)
                out_.edges.push_back({static_cast<std::uint32_t>(tail_), id, prev->line});
            if (!after_op_) end_chain();
            tail_ = id;
            after_op_ = false;
            return;
        }
        if (t.kind == Tok::Punct && t.value == ":") return;  // port follows
        if (t.kind == Tok::Punct && t.value == "}" && !after_op_) {
            tail_ = -1;  // a subgraph operand: its edges are not plain pairs
            return;
        }
        if (!(t.kind == Tok::Punct && t.value == "{")) {
            end_chain();
            tail_ = -1;
            after_op_ = false;
        } else if (!after_op_) {
            end_chain();
            tail_ = -1;
        }
    }

    DotScan& out_;
    Token window_[3] = {{Tok::End, "", 0}, {Tok::End, "", 0}, {Tok::End, "", 0}};
    std::size_t count_ = 0;
    int attr_depth_ = 0;
    std::uint32_t depth_ = 0;
    std::int64_t tail_ = -1;  // last plain-id operand before an edge op
    bool after_op_ = false;
    std::uint32_t chain_ = 0, chain_line_ = 0;
};

}  // namespace

DotScan scan_dot(std::string_view text) {
    DotScan out;
    out.text.reserve(text.size());
    Lexer lexer(text, out);
    Walker walker(out);
    lexer.run(walker);
    return out;
}

std::uint32_t DotScan::real_line(std::uint32_t cgraph_line) const {
    // cgraph's line = real line - newlines inside strings on earlier lines; invert that.
    std::uint32_t real = cgraph_line;
    std::size_t skipped = 0;
    while (skipped < uncounted_newlines.size() && uncounted_newlines[skipped] < real) {
        ++skipped;
        ++real;
    }
    return real;
}

std::string unescape_quoted(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char next = s[i + 1];
            if (next == '"') {
                out += '"';
                ++i;
                continue;
            }
            if (next == '\\') {
                out += "\\\\";
                ++i;
                continue;
            }
            if (next == '\n') {
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::string expand_placeholders(std::string_view s, const DotScan& scan) {
    if (scan.long_values.empty()) return std::string(s);
    std::string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t open = s.find('\x1E', pos);
        std::size_t close = open == std::string_view::npos ? open : s.find('\x1F', open);
        if (close == std::string_view::npos) {
            out.append(s.substr(pos));
            break;
        }
        out.append(s.substr(pos, open - pos));
        std::size_t index = 0;
        auto [p, ec] = std::from_chars(s.data() + open + 1, s.data() + close, index);
        (void)p;
        if (ec == std::errc() && index < scan.long_values.size())
            out += scan.long_values[index];
        else
            out.append(s.substr(open, close + 1 - open));  // not ours: keep as written
        pos = close + 1;
    }
    return out;
}

}  // namespace ecograph::detail
