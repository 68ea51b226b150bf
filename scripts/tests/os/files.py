import os, os.path, stat, sys

base = "/tmp/gilpy_os_test_%d" % os.getpid()
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, e.filename == os.path.join(base, "a"))
os.chdir(base)
print(os.getcwd() == base, os.path.basename(os.getcwd()).startswith("gilpy_os_test"))
with open("a/f1.txt", "w") as f:
    f.write("hello\n")
with open("a/b/f2.txt", "w") as f:
    f.write("x" * 100)
print(sorted(os.listdir(".")), sorted(os.listdir("a")), sorted(os.listdir(b"a")))
print(os.path.exists("a/f1.txt"), os.path.isfile("a/f1.txt"), os.path.isdir("a/f1.txt"), os.path.isdir("a"))
print(os.path.getsize("a/b/f2.txt"), os.stat("a/f1.txt").st_size, stat.S_ISREG(os.stat("a/f1.txt").st_mode))
st = os.stat("a")
print(type(st).__name__, stat.S_ISDIR(st.st_mode), st[6] == st.st_size, isinstance(st.st_mtime, float), isinstance(st[8], int), len(st))
print(abs(os.path.getmtime("a/f1.txt") - st.st_mtime) < 100)
for root, dirs, files in os.walk("."):
    dirs.sort()
    print(root, sorted(dirs), sorted(files))
for root, dirs, files in os.walk(".", topdown=False):
    print("bottomup", root, sorted(dirs), sorted(files))
entries = sorted(os.scandir("a"), key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else "-")
with os.scandir(".") as it:
    print([e.name for e in it])
os.rename("a/f1.txt", "a/g1.txt")
print(sorted(os.listdir("a")))
os.replace("a/g1.txt", "a/b/g1.txt")
try:
    os.rename("nope", "other")
except FileNotFoundError as e:
    print(e)
try:
    os.remove("nope.txt")
except FileNotFoundError as e:
    print(e, e.errno, e.filename)
try:
    os.rmdir("a")
except OSError as e:
    print(type(e).__name__, e)
try:
    os.mkdir("a")
except FileExistsError as e:
    print(e)
try:
    os.listdir("a/b/g1.txt")
except NotADirectoryError as e:
    print(e)
os.symlink("a/b/g1.txt", "link")
print(os.path.islink("link"), os.readlink("link"), os.path.realpath("link") == os.path.join(base, "a/b/g1.txt"))
print(os.lstat("link").st_mode & 0o170000 == stat.S_IFLNK)
os.unlink("link")
os.remove("a/b/g1.txt")
os.remove("a/b/f2.txt")
os.removedirs("a/b/c")
print(os.listdir("."))
os.chmod(".", 0o755)
print(oct(stat.S_IMODE(os.stat(".").st_mode)))
os.chdir("/")
os.rmdir(base)
print(os.path.exists(base))
fd = os.open("/tmp/gilpy_os_fd_%d" % os.getpid(), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"abcdef"), os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3), os.read(fd, 100), os.read(fd, 10))
print(os.fstat(fd).st_size)
os.close(fd)
os.unlink("/tmp/gilpy_os_fd_%d" % os.getpid())
try:
    os.close(fd)
except OSError as e:
    print(e)
r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
fd2 = os.dup(1)
print(fd2 > 2, os.get_inheritable(fd2))
os.close(fd2)
try:
    os.stat(42.5)
except TypeError as e:
    print(e)
try:
    os.fspath(3)
except TypeError as e:
    print(e)
class P:
    def __fspath__(self): return "/tmp"
print(os.fspath(P()), os.path.isdir(P()), os.fspath("x"), os.fspath(b"y"), isinstance(P(), os.PathLike))
