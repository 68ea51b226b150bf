"""
Configuration functions for the logging package for Python.

gilpy's logging.config: dictConfig (the common keys: version, formatters,
filters, handlers, loggers, root, disable_existing_loggers, and the
ext:// and cfg:// references).
"""

import logging
import logging.handlers
import re
import sys

DEFAULT_LOGGING_CONFIG_PORT = 9030

IDENTIFIER = re.compile('^[a-z_][a-z0-9_]*$', re.I)


def valid_ident(s):
    m = IDENTIFIER.match(s)
    if not m:
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    """Resolve a dotted name to a global object."""
    name = name.split('.')
    used = name.pop(0)
    found = __import__(used)
    for n in name:
        used = used + '.' + n
        try:
            found = getattr(found, n)
        except AttributeError:
            __import__(used)
            found = getattr(found, n)
    return found


class DictConfigurator(object):
    """
    Configure logging using a dictionary-like object to describe the
    configuration.
    """

    def __init__(self, config):
        self.config = config

    def resolve(self, value):
        if isinstance(value, str):
            if value.startswith('ext://'):
                return _resolve(value[6:])
            if value.startswith('cfg://'):
                return self.cfg_lookup(value[6:])
        return value

    def cfg_lookup(self, path):
        obj = self.config
        for part in re.split(r'\.|\[', path):
            part = part.rstrip(']')
            if not part:
                continue
            if isinstance(obj, (list, tuple)):
                obj = obj[int(part)]
            else:
                obj = obj[part]
        return obj

    def configure_formatter(self, config):
        if '()' in config:
            factory = config.pop('()')
            if isinstance(factory, str):
                factory = _resolve(factory)
            return factory(**config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        defaults = config.get('defaults', None)
        if not cname:
            c = logging.Formatter
        else:
            c = _resolve(cname)
        kwargs = {}
        if 'validate' in config:
            kwargs['validate'] = config['validate']
        if defaults:
            kwargs['defaults'] = defaults
        return c(fmt, dfmt, style, **kwargs)

    def configure_filter(self, config):
        if '()' in config:
            factory = config.pop('()')
            if isinstance(factory, str):
                factory = _resolve(factory)
            return factory(**config)
        name = config.get('name', '')
        return logging.Filter(name)

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                filterer.addFilter(self.config['filters'][f]
                                   if isinstance(self.config['filters'][f], logging.Filter)
                                   else self.filters[f])
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        config = dict(config)
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.formatters[formatter]
            except KeyError as e:
                raise ValueError('Unable to set formatter '
                                 '%r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if isinstance(factory, str):
                factory = _resolve(factory)
        else:
            cname = config.pop('class')
            factory = _resolve(cname) if isinstance(cname, str) else cname
        kwargs = {k: self.resolve(v) for k, v in config.items() if valid_ident(k)}
        if 'target' in kwargs and isinstance(kwargs['target'], str):
            kwargs['target'] = self.handlers[kwargs['target']]
        result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            for f in filters:
                result.addFilter(self.filters[f])
        return result

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                for h in handlers:
                    try:
                        logger.addHandler(self.handlers[h])
                    except Exception as e:
                        raise ValueError('Unable to add handler %r' % h) from e
            filters = config.get('filters', None)
            if filters:
                for f in filters:
                    logger.addFilter(self.filters[f])

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        logging._acquireLock()
        try:
            disable_existing = config.pop('disable_existing_loggers', True)
            self.formatters = {}
            for name, fcfg in config.get('formatters', {}).items():
                try:
                    self.formatters[name] = self.configure_formatter(dict(fcfg))
                except Exception as e:
                    raise ValueError('Unable to configure '
                                     'formatter %r' % name) from e
            self.filters = {}
            for name, fcfg in config.get('filters', {}).items():
                try:
                    self.filters[name] = self.configure_filter(dict(fcfg))
                except Exception as e:
                    raise ValueError('Unable to configure '
                                     'filter %r' % name) from e
            self.handlers = {}
            pending = dict(config.get('handlers', {}))
            while pending:
                progressed = False
                for name in sorted(pending):
                    hcfg = pending[name]
                    target = hcfg.get('target')
                    if target and target not in self.handlers:
                        continue
                    try:
                        handler = self.configure_handler(hcfg)
                        handler.name = name
                        self.handlers[name] = handler
                    except Exception as e:
                        raise ValueError('Unable to configure handler '
                                         '%r' % name) from e
                    del pending[name]
                    progressed = True
                if not progressed:
                    raise ValueError('Unable to configure handler %r' % sorted(pending)[0])
            root = logging.root
            existing = list(root.manager.loggerDict.keys())
            loggers = config.get('loggers', {})
            for name in loggers:
                lcfg = loggers[name]
                logger = logging.getLogger(name)
                self.common_logger_config(logger, lcfg, incremental)
                propagate = lcfg.get('propagate', None)
                if propagate is not None:
                    logger.propagate = propagate
                logger.disabled = False
                if name in existing:
                    existing.remove(name)
                prefix = name + '.'
                existing = [e for e in existing if not e.startswith(prefix)]
            if disable_existing:
                for name in existing:
                    logger = root.manager.loggerDict[name]
                    if isinstance(logger, logging.Logger):
                        logger.disabled = True
            rootcfg = config.get('root', None)
            if rootcfg:
                self.common_logger_config(root, rootcfg, incremental)
        finally:
            logging._releaseLock()


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging using a dictionary."""
    dictConfigClass(config).configure()


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    """
    Read the logging configuration from a ConfigParser-format file.
    """
    import configparser
    if isinstance(fname, configparser.RawConfigParser):
        cp = fname
    else:
        cp = configparser.ConfigParser(defaults)
        if hasattr(fname, 'readline'):
            cp.read_file(fname)
        else:
            cp.read(fname, encoding=encoding)
    formatters = {}
    for name in [s.strip() for s in cp["formatters"]["keys"].split(",") if s.strip()]:
        sect = cp["formatter_" + name]
        formatters[name] = logging.Formatter(sect.get("format", raw=True, fallback=None),
                                             sect.get("datefmt", raw=True, fallback=None),
                                             sect.get("style", raw=True, fallback='%'))
    handlers = {}
    for name in [s.strip() for s in cp["handlers"]["keys"].split(",") if s.strip()]:
        sect = cp["handler_" + name]
        klass = sect["class"]
        try:
            klass = eval(klass, vars(logging))
        except (AttributeError, NameError):
            klass = _resolve(klass)
        args = eval(sect.get("args", '()'), vars(logging))
        kwargs = eval(sect.get("kwargs", '{}'), vars(logging))
        h = klass(*args, **kwargs)
        h.name = name
        if "level" in sect:
            h.setLevel(sect["level"])
        if sect.get("formatter"):
            h.setFormatter(formatters[sect["formatter"]])
        handlers[name] = h
    for name in [s.strip() for s in cp["loggers"]["keys"].split(",") if s.strip()]:
        sect = cp["logger_" + name]
        logger = logging.root if name == "root" else logging.getLogger(sect["qualname"])
        if "level" in sect:
            logger.setLevel(sect["level"])
        for h in logger.handlers[:]:
            logger.removeHandler(h)
        if name != "root":
            logger.propagate = sect.getint("propagate", fallback=1) == 1
        for hname in [s.strip() for s in sect.get("handlers", "").split(",") if s.strip()]:
            logger.addHandler(handlers[hname])
