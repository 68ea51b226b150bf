import os, sys
print(os.name, os.sep, os.pathsep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.altsep, os.devnull, os.defpath)
print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(type(os.cpu_count()), os.cpu_count() >= 1)
print(len(os.urandom(16)), type(os.urandom(4)))
os.environ["GILPY_TEST_VAR"] = "value1"
print(os.environ["GILPY_TEST_VAR"], os.getenv("GILPY_TEST_VAR"), os.environ.get("GILPY_NOPE"), os.getenv("GILPY_NOPE", "dflt"))
print("GILPY_TEST_VAR" in os.environ, os.environb[b"GILPY_TEST_VAR"])
del os.environ["GILPY_TEST_VAR"]
print("GILPY_TEST_VAR" in os.environ)
try:
    os.environ["GILPY_NOPE"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print(e)
print(os.environ.setdefault("GILPY_SD", "d"), os.environ["GILPY_SD"])
os.putenv("GILPY_PUT", "p")
print(type(os.environ).__name__, isinstance(os.environ, dict))
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t))
old = os.umask(0o22); print(os.umask(old) == 0o22)
print(os.strerror(2), os.strerror(13), os.strerror(17))
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b"), os.path.join("a/", "b"), os.path.join("", "x"), os.path.join(b"a", b"b"))
print(os.path.split("/a/b/c.txt"), os.path.split("c.txt"), os.path.split("/"), os.path.split("a//b"), os.path.split("//x"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a/.x.y"), os.path.splitext("noext"), os.path.splitext("a.b/c"))
print(os.path.basename("/a/b/"), os.path.basename("/a/b"), os.path.dirname("/a/b/c"), os.path.dirname("c"), os.path.dirname("/a"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath(""), os.path.normpath("../../a"), os.path.normpath("//a/b"), os.path.normpath("///a"), os.path.normpath("a/../.."))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.abspath("/a/b/../c"))
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/a/b", "/a/b"), os.path.relpath("/x/y", "/a/b"))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), os.path.commonpath(["/usr/lib", "/usr/local/x"]), os.path.commonprefix([]))
os.environ["HOME"] = "/home/tester"
print(os.path.expanduser("~/x"), os.path.expanduser("~"), os.path.expanduser("x~"))
os.environ["FOO"] = "bar"
print(os.path.expandvars("$FOO/${FOO}/$NOPE/${NOPE}/$/x$"), os.path.expandvars("no vars"))
print(os.path.splitdrive("/a/b"), os.path.normcase("/A/b"))
try:
    os.path.join("a", 1)
except TypeError as e:
    print(e)
try:
    os.path.join("a", b"b")
except TypeError as e:
    print(e)
try:
    os.path.commonpath(["/a", "b"])
except ValueError as e:
    print(e)
print(os.path.exists("/definitely/not/here"), os.path.lexists("/"), os.path.ismount("/"))
print(os.waitstatus_to_exitcode(256), os.WEXITSTATUS(768), os.WIFEXITED(0))
print(os.get_exec_path()[:0], os.fsencode("abc"), os.fsdecode(b"abc"))
print(os.system("exit 3") >> 8)
sys.stdout.flush()
os.system("echo from shell")
pid = os.getpid()
print(os.getuid() >= 0, os.getgid() >= 0, os.geteuid() == os.getuid())
try:
    os.kill(999999, 0)
except ProcessLookupError as e:
    print(e)
os.kill(os.getpid(), 0)
print("end")
