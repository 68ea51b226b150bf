# Binary trees: build perfect binary trees of many depths recursively
# (tuples of subtrees), walk them to count their nodes, and keep one
# long-lived tree while short-lived ones come and go (allocation and GC).


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def count_nodes(tree):
    left, right = tree
    if left is None:
        return 1
    return 1 + count_nodes(left) + count_nodes(right)


def main(max_depth):
    min_depth = 4
    stretch = max_depth + 1
    print("stretch tree of depth", stretch, "check:", count_nodes(make_tree(stretch)))
    long_lived = make_tree(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += count_nodes(make_tree(depth))
        print(iterations, "trees of depth", depth, "check:", check)
    print("long lived tree of depth", max_depth, "check:", count_nodes(long_lived))


main(14)
