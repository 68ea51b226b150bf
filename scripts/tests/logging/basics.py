import logging, sys
logging.warning("root warning before config %d", 1)
logging.info("not shown")
logger = logging.getLogger("app")
logger.error("no handlers: last resort")
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(message)s", stream=sys.stdout, force=True)
logging.debug("debug %s", "msg")
def work():
    logger.info("info from %s", "work")
    logger.warning("warn with args %r %d", "x", 5)
work()
child = logging.getLogger("app.db")
child.setLevel(logging.WARNING)
child.info("suppressed")
child.error("child error")
print(child.parent is logger, logger.parent is logging.getLogger(), child.getEffectiveLevel(), logger.getEffectiveLevel(), logging.getLevelName(25), logging.getLevelName("ERROR"))
print(repr(logger), repr(child), repr(logging.getLogger()), logging.getLogger("app") is logger)
try:
    1 / 0
except ZeroDivisionError:
    logger.exception("division failed")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[{levelname:<8}] {name} | {message}", style="{"))
h.setLevel(logging.ERROR)
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)
other.warning("below handler level")
other.error("shown by handler")
other.critical("critical %s", "stuff")
f = logging.Formatter("$levelname - $message", style="$")
rec = logging.LogRecord("n", logging.INFO, "/x/y.py", 10, "hello %s", ("there",), None)
print(f.format(rec), rec.filename, rec.module, rec.levelno, rec.getMessage(), rec.threadName, rec.processName, rec.process > 0)
class OnlyInfo(logging.Filter):
    def filter(self, record):
        return record.levelno == logging.INFO
fl = logging.getLogger("filtered")
fl.addFilter(OnlyInfo())
fl.info("passes filter")
fl.warning("blocked by filter")
adapter = logging.LoggerAdapter(logging.getLogger("adapt"), {"user": "bob"})
adapter.info("adapter message")
logging.addLevelName(25, "NOTICE")
logging.log(25, "custom level")
logging.disable(logging.ERROR)
logging.error("disabled")
logging.critical("still shown")
logging.disable(logging.NOTSET)
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print(e)
print(logging.getLogger("a.b.c").name, logging.getLogger("a").getChild("x").name, logging.root.level, logging.INFO, logging.WARN)
logging.getLogger("extra").warning("user=%(user)s", {"user": "alice"})
logging.getLogger("stacky").info("with extra", extra={"foo": 1})
