# asyncio subprocesses: exec and shell with pipes, communicate, stderr to
# stdout, reading lines, kill, missing program, DEVNULL.
import asyncio
import sys
from asyncio.subprocess import PIPE, STDOUT, DEVNULL

async def main():
    p = await asyncio.create_subprocess_exec("echo", "hello", "world", stdout=PIPE)
    out, err = await p.communicate()
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, _ = await p.communicate(b"line1\nline2\n")
    print(out, p.returncode)
    p = await asyncio.create_subprocess_shell("echo out; echo err 1>&2; exit 3", stdout=PIPE, stderr=PIPE)
    out, err = await p.communicate()
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_exec("sh", "-c", "for i in 1 2 3; do echo $i; done", stdout=PIPE)
    async for line in p.stdout:
        print("line", line)
    print("wait", await p.wait())
    p = await asyncio.create_subprocess_exec("sleep", "10")
    p.kill()
    print("killed", await p.wait())
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo a; echo b >&2", stdout=PIPE, stderr=STDOUT)
    print(await p.stdout.read())
    await p.wait()
    try:
        await asyncio.create_subprocess_exec("no-such-program-xyz")
    except FileNotFoundError as e:
        print("FileNotFoundError", e)
    p = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; print(sys.stdin.read().upper())",
        stdin=PIPE, stdout=PIPE)
    print(await p.communicate(b"from the parent"))
    p = await asyncio.create_subprocess_exec("true", stdout=DEVNULL)
    print(repr(p).startswith("<Process "), await p.wait())

asyncio.run(main())
