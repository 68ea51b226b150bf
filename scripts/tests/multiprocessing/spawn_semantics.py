# The spawn start method: the main file runs again in the child as
# __mp_main__ (so module-level prints repeat), names assigned under the
# main guard are missing there, functions travel by name, and a lambda
# target fails to pickle in the parent. Pickling error messages contain an
# address, so only their stable part is printed.
import multiprocessing as mp

print("top level", __name__)


def child(x):
    print("child got", x, mp.current_process().name)
    try:
        print(GUARDED)
    except NameError as e:
        print("NameError:", e)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    GUARDED = 1
    p = mp.Process(target=child, args=(41,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
    q = mp.Process(target=lambda: None)
    try:
        q.start()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at ")[0], "...", str(e).split(">: ")[1])
    ctx = mp.get_context("spawn")
    r = ctx.Process(target=child, args=(42,))
    r.start()
    r.join()
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(sorted(mp.get_all_start_methods()))
