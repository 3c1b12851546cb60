#!/usr/bin/env python3
"""Seeded generator of synthetic typed partner ecosystems, as DOT, valid against the built-in
schema. Companies get power-law partner degrees (preferential attachment); every company is
located in a region, data centres are operated by providers, regions nest in a few continents.

    tools/bench/gen_ecosystem.py --entities 10000 --relations 50000 --seed 1 > eco.gv
"""
import argparse
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--relations", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--csv", metavar="PREFIX",
                    help="write PREFIX-entities.csv and PREFIX-relations.csv instead of DOT on stdout")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    n = max(args.entities, 20)

    continents = max(2, n // 2000)
    regions = max(4, n // 100)
    datacentres = max(2, n // 50)
    companies = n - continents - regions - datacentres
    mix = [("CloudProvider", 0.02), ("SI", 0.2), ("ISV", 0.4), ("MSP", 0.18), ("Distributor", 0.05),
           ("Customer", 0.15)]
    if args.csv:
        out = open(args.csv + "-entities.csv", "w")
        rel_out = open(args.csv + "-relations.csv", "w")
        out.write("id:ID,:LABEL,label\n")
        rel_out.write(":START_ID,:END_ID,:TYPE\n")
    else:
        out = rel_out = sys.stdout
        out.write("digraph synthetic {\n")

    def node(i, t, label):
        if args.csv:
            out.write(f"{i},{t},{label}\n")
        else:
            out.write(f'  "{i}" [type="{t}", label="{label}"];\n')
    region_ids = []
    for i in range(continents):
        node(f"continent-{i}", "Region", f"Continent {i}")
    for i in range(regions):
        rid = f"region-{i}"
        region_ids.append(rid)
        node(rid, "Region", f"Region {i}")
    types = [t for t, _ in mix]
    weights = [w for _, w in mix]
    comp = []
    for i in range(companies):
        t = "CloudProvider" if i < 3 else rnd.choices(types, weights)[0]
        comp.append((f"c{i}", t))
        node(f"c{i}", t, f"Company {i}")
    providers = [c for c, t in comp if t == "CloudProvider"]
    for i in range(datacentres):
        node(f"dc-{i}", "DataCentre", f"Data centre {i}")

    written = 0
    def edge(a, b, t):
        nonlocal written
        if args.csv:
            rel_out.write(f"{a},{b},{t}\n")
        else:
            rel_out.write(f'  "{a}" -> "{b}" [type="{t}"];\n')
        written += 1

    for i, rid in enumerate(region_ids):
        edge(rid, f"continent-{i % continents}", "part_of")
    for i in range(datacentres):
        edge(rnd.choice(providers), f"dc-{i}", "operates")
        edge(f"dc-{i}", rnd.choice(region_ids), "located_in")
    for c, _ in comp:
        edge(c, rnd.choice(region_ids), "located_in")
    # Preferential attachment for partnerships: endpoints drawn in proportion to degree + 1.
    ends = [c for c, _ in comp]
    kinds = ["partners_with"] * 6 + ["resells", "integrates_with"]
    while written < args.relations:
        a = rnd.choice(ends)
        b = rnd.choice(ends)
        if a == b:
            continue
        edge(a, b, rnd.choice(kinds))
        ends.append(a)
        ends.append(b)
    if not args.csv:
        out.write("}\n")


if __name__ == "__main__":
    main()
