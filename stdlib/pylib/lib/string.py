"""A collection of string constants and classes (gilpy's string module).

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

"""

# Written for gilpy. Formatter parses with the VM's own str.format parser
# (the _string module); Template scans its placeholders by hand, so that it
# works without the re module, and uses re only for subclasses that change
# the placeholder syntax (pattern, idpattern, braceidpattern or flags).

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import _string

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    words = [w.capitalize() for w in s.split(sep)]
    return (sep or ' ').join(words)


####################################################################
_sentinel_dict = {}

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_ID_START = frozenset('_' + ascii_letters)
_ID_CONTINUE = frozenset('_' + ascii_letters + digits)


class _Lookup:
    # The keywords, then the mapping (what ChainMap(kws, mapping) finds).
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class _Flags(int):
    # re.IGNORECASE's value, so that Template.flags reads as in CPython.
    def __repr__(self):
        return 're.IGNORECASE'


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _Flags(2)

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls._regex = None
        custom = ('pattern' in cls.__dict__ or cls.idpattern != _DEFAULT_IDPATTERN
                  or cls.braceidpattern is not None or int(cls.flags) != 2)
        if custom:
            import re
            if 'pattern' in cls.__dict__:
                source = cls.pattern
            else:
                d = re.escape(cls.delimiter)
                bid = cls.braceidpattern or cls.idpattern
                source = (d + r'(?:(?P<escaped>' + d + r')|(?P<named>' + cls.idpattern +
                          r')|{(?P<braced>' + bid + r')}|(?P<invalid>))')
            cls._regex = cls.pattern = re.compile(source, cls.flags | re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        # Yields (start, end, kind, name) for each placeholder, kind being
        # 'escaped', 'named', 'braced' or 'invalid' (an invalid one is the
        # bare delimiter; start is where the error is reported).
        regex = type(self)._regex
        text = self.template
        if regex is not None:
            for mo in regex.finditer(text):
                for kind in ('named', 'braced', 'escaped', 'invalid'):
                    if mo.group(kind) is not None:
                        yield mo.start(), mo.end(), kind, mo.group(kind), mo.start(kind)
                        break
                else:
                    raise ValueError('Unrecognized named group in pattern', regex)
            return
        delim = self.delimiter
        n = len(delim)
        i = text.find(delim)
        while i >= 0:
            j = i + n
            if text.startswith(delim, j):
                yield i, j + n, 'escaped', delim, j
                i = text.find(delim, j + n)
                continue
            k = self._identifier_end(text, j)
            if k > j:
                yield i, k, 'named', text[j:k], j
                i = text.find(delim, k)
                continue
            if j < len(text) and text[j] == '{':
                k = self._identifier_end(text, j + 1)
                if k > j + 1 and k < len(text) and text[k] == '}':
                    yield i, k + 1, 'braced', text[j + 1:k], j + 1
                    i = text.find(delim, k + 1)
                    continue
            yield i, j, 'invalid', '', j
            i = text.find(delim, j)

    @staticmethod
    def _identifier_end(text, j):
        if j >= len(text) or text[j] not in _ID_START:
            return j
        j += 1
        while j < len(text) and text[j] in _ID_CONTINUE:
            j += 1
        return j

    def _invalid(self, at):
        before = self.template[:at]
        lines = before.splitlines(keepends=True)
        if not lines:
            lineno, colno = 1, 1
        else:
            lineno = len(lines)
            colno = at - (len(before) - len(lines[-1]))
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _mapping(self, mapping, kws):
        if mapping is _sentinel_dict:
            return kws
        if kws:
            return _Lookup(kws, mapping)
        return mapping

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        pos = 0
        for start, end, kind, name, at in self._placeholders():
            out.append(self.template[pos:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(at)
            else:
                out.append(str(mapping[name]))
            pos = end
        out.append(self.template[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        pos = 0
        for start, end, kind, name, at in self._placeholders():
            out.append(self.template[pos:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                out.append(self.template[start:end])
            else:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(self.template[start:end])
            pos = end
        out.append(self.template[pos:])
        return ''.join(out)

    def is_valid(self):
        for _, _, kind, _, _ in self._placeholders():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for _, _, kind, name, _ in self._placeholders():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
        return ids


Template._regex = None


########################################################################
# The Formatter class: str.format's machinery, with every step a method
# that subclasses may override.

class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                pieces.append(literal_text)
            if field_name is None:
                continue
            # Automatic numbering ("{}") may not be mixed with explicit
            # indexes ("{0}"); auto_arg_index is False once an explicit
            # index was seen.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # (CPython's string.Formatter gives this message in
                    # both directions.)
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        # An iterable of (literal_text, field_name, format_spec, conversion).
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
