import logging, logging.config, logging.handlers, sys, threading, os, re, queue

logging.config.dictConfig({
    "version": 1,
    "formatters": {"simple": {"format": "%(levelname)s|%(name)s|%(threadName)s|%(processName)s|%(message)s"}},
    "handlers": {"out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "simple", "level": "DEBUG"}},
    "loggers": {"svc": {"level": "DEBUG", "handlers": ["out"], "propagate": False}},
    "root": {"level": "WARNING", "handlers": ["out"]},
})
log = logging.getLogger("svc")
log.debug("configured")
def worker(n):
    log.info("worker %d running", n)
threads = [threading.Thread(target=worker, args=(i,), name=f"Worker-{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
logging.getLogger("other").warning("via root")
logging.getLogger("other").info("dropped")

fmt = logging.Formatter("%(asctime)s %(process)d %(msecs)d %(created)f %(relativeCreated)d %(message)s")
rec = logging.makeLogRecord({"msg": "made", "created": 0.5, "msecs": 500.0, "relativeCreated": 1.0, "process": 1234})
line = fmt.format(rec)
print(re.sub(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}", "<time>", line))
f2 = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y/%m/%d")
print(f2.formatTime(logging.makeLogRecord({"created": 86400 * 3}), "%Y-%m-%d"), logging.Formatter().formatTime(logging.makeLogRecord({"created": 0, "msecs": 0.0})))

path = "/tmp/gilpy_log_%d.txt" % os.getpid()
fh = logging.FileHandler(path, mode="w")
fh.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
fl = logging.getLogger("file")
fl.propagate = False
fl.addHandler(fh)
fl.warning("to file")
fl.error("second line")
fh.close()
print(open(path).read(), end="")
os.remove(path)

q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
sh = logging.StreamHandler(sys.stdout)
sh.setFormatter(logging.Formatter("Q:%(message)s"))
listener = logging.handlers.QueueListener(q, sh)
ql = logging.getLogger("queued")
ql.propagate = False
ql.addHandler(qh)
listener.start()
ql.warning("through the queue %s", "ok")
listener.stop()

rot = "/tmp/gilpy_rot_%d.log" % os.getpid()
rh = logging.handlers.RotatingFileHandler(rot, maxBytes=40, backupCount=2)
rl = logging.getLogger("rot")
rl.propagate = False
rl.addHandler(rh)
for i in range(6):
    rl.warning("message number %d", i)
rh.close()
print(sorted(os.path.basename(p).replace(str(os.getpid()), "PID") for p in os.listdir("/tmp") if p.startswith("gilpy_rot_%d" % os.getpid())))
for p in os.listdir("/tmp"):
    if p.startswith("gilpy_rot_%d" % os.getpid()):
        os.remove("/tmp/" + p)
print(logging.handlers.MemoryHandler(2).capacity)
