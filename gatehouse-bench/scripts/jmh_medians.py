"""Prints the lookup benchmarks' JMH JSON result (-rf json) as the table in docs/benchmarks.md.

Times are medians of the measured iterations; allocation is JMH's gc.alloc.rate.norm.
Usage: python3 gatehouse-bench/scripts/jmh_medians.py jmh-result.json
"""
import json, statistics, sys
data = json.load(open(sys.argv[1]))
res = {}
for b in data:
    impl = b['benchmark'].split('.')[-2].replace('LookupBenchmark','')
    p = b['params']; key = (p['family'], int(p['size']))
    raw = [x for fork in b['primaryMetric']['rawData'] for x in fork]
    gc = b['secondaryMetrics'].get('gc.alloc.rate.norm', {}).get('score')
    res.setdefault(key, {})[impl] = (statistics.median(raw), min(raw), max(raw), gc)
def fmt(ns):
    if ns >= 1e6: return f"{ns/1e6:,.2f} ms"
    if ns >= 1e3: return f"{ns/1e3:,.2f} µs"
    return f"{ns:,.1f} ns"
def b(x): return "–" if x is None else (f"{x[3]:,.0f}" if x[3] >= 10 else f"{x[3]:.3f}")
print("| list | entries | Gatehouse | IPAddress trie | Spring list | trie ÷ Gatehouse | Spring ÷ Gatehouse | B/op Gatehouse | B/op trie | B/op Spring |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for fam in ['IPV4','IPV6','MIXED']:
    for size in [20,1000,10000,100000]:
        r = res.get((fam,size), {})
        g = r.get('Gatehouse'); t = r.get('IpAddressTrie'); s = r.get('SpringList')
        if not g: continue
        print("| " + " | ".join([fam, f"{size:,}", fmt(g[0]), fmt(t[0]) if t else "–", fmt(s[0]) if s else "not run",
               f"{t[0]/g[0]:,.1f}×" if t else "–", f"{s[0]/g[0]:,.0f}×" if s else "–", b(g), b(t), b(s)]) + " |")
print()
print("Spread, min–max of the measured iterations:")
print()
for fam in ['IPV4','IPV6','MIXED']:
    for size in [20,1000,10000,100000]:
        r = res.get((fam,size), {})
        if r: print(f"- {fam} {size:,}: " + "; ".join(f"{k} {fmt(v[1])}–{fmt(v[2])}" for k,v in sorted(r.items())))
