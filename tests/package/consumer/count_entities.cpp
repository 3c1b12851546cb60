// Loads graphs with the installed ecograph library and prints what it found.
#include <cstdio>

#include "ecograph/io/load.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> files(argv + 1, argv + argc);
    ecograph::LoadResult r = ecograph::load_graph(files, ecograph::Schema::builtin());
    if (r.unreadable() || r.diags.error_count() > 0) {
        std::fprintf(stderr, "cannot use the input\n");
        return 1;
    }
    std::printf("%zu entities, %zu relations\n", r.graph->entity_count(),
                r.graph->relation_count());
    return 0;
}
