# JSON-like data without the json module: build a nested structure of
# dicts, lists, strings, numbers, booleans and None (an order book of
# customers), walk it recursively, serialize it to JSON text by hand and
# query it.


def make_customer(i):
    orders = []
    for j in range(i % 6):
        orders.append({
            "id": i * 10 + j,
            "items": [{"sku": "sku-" + str((i + j * k) % 500), "qty": k + 1,
                       "price": ((i * 7 + j * 3 + k) % 1000) / 4}
                      for k in range(1 + (i + j) % 4)],
            "paid": (i + j) % 3 != 0,
            "note": None if j % 2 else "deliver after " + str(9 + j) + "h",
        })
    return {
        "id": i,
        "name": "customer " + str(i),
        "tags": ["vip"] if i % 10 == 0 else [],
        "address": {"city": "city" + str(i % 50), "zip": str(10000 + i % 9000)},
        "orders": orders,
    }


def walk(value, stats):
    if isinstance(value, dict):
        stats["dict"] += 1
        for key, item in value.items():
            stats["keys"] += len(key)
            walk(item, stats)
    elif isinstance(value, list):
        stats["list"] += 1
        for item in value:
            walk(item, stats)
    elif isinstance(value, str):
        stats["str"] += len(value)
    elif value is None:
        stats["none"] += 1
    elif isinstance(value, bool):
        stats["bool"] += 1
    else:
        stats["number"] += value


def to_json(value, out):
    if isinstance(value, dict):
        out.append("{")
        first = True
        for key, item in value.items():
            if not first:
                out.append(", ")
            first = False
            out.append('"' + key + '": ')
            to_json(item, out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(", ")
            to_json(item, out)
        out.append("]")
    elif isinstance(value, str):
        out.append('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    else:
        out.append(repr(value))


def run(n):
    book = {"version": 3, "customers": [make_customer(i) for i in range(n)]}
    stats = {"dict": 0, "list": 0, "str": 0, "none": 0, "bool": 0, "number": 0, "keys": 0}
    walk(book, stats)
    out = []
    to_json(book, out)
    text = "".join(out)
    unpaid = 0
    for c in book["customers"]:
        for o in c["orders"]:
            if not o["paid"]:
                unpaid += sum(item["qty"] * item["price"] for item in o["items"])
    vip_cities = sorted({c["address"]["city"] for c in book["customers"] if "vip" in c["tags"]})
    return stats, len(text), text[:60], unpaid, len(vip_cities)


stats, length, head, unpaid, cities = run(12000)
print("stats:", sorted(stats.items()))
print("json length:", length, "head:", head)
print("unpaid:", unpaid, "vip cities:", cities)
