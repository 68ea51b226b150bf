import struct
tests = [('b',200),('B',-1),('h',40000),('H',-1),('i',2**31),('I',-1),('l',2**63),('q',2**63),('Q',-1),('<i',2**31),('<I',-1),('<l',2**31),('<h',40000),('<b',200),('<B',300),('c',b'ab'),('c',1),('s',1),('?',[]),('e',1e10),('i','x'),('i',1.5),('<q',2**63),('<Q',-1),('n',1),('<n',1),('P',1)]
for f,v in tests:
    try: print(f, struct.pack(f, v))
    except Exception as e: print(f, type(e).__name__, e)
for f,args in [('ii',(1,)),('i',(1,2)),('3s',(b'abcdef',)),('z',(1,)),('2',()),('<2x',())]:
    try: print(f, struct.pack(f, *args))
    except Exception as e: print(f, type(e).__name__, e)
try: struct.unpack('ii', b'1234')
except struct.error as e: print(type(e).__name__, e)
try: struct.unpack_from('ii', b'1234', 2)
except struct.error as e: print(type(e).__name__, e)
print(struct.calcsize('@bid'), struct.calcsize('=bid'), struct.calcsize('iq'), struct.calcsize('<iq'), struct.calcsize('P'), struct.calcsize('10s'), struct.calcsize('0i'), struct.calcsize('ci'), struct.calcsize('ic'))
s = struct.Struct('<hhl'); print(s.size, s.format, s.pack(1,2,3), s.unpack(b'\x01\x00\x02\x00\x03\x00\x00\x00'))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), struct.pack('>e', 1.5), struct.unpack('<d', struct.pack('<d', 0.1)), struct.pack('5p', b'ab'), struct.unpack('5p', b'\x02abcd'))
print(struct.pack('?', 0), struct.pack('?', 'x'), struct.unpack('<?', b'\x02'))
data = struct.pack('>IHb3sf?', 0xDEADBEEF, 65535, -5, b'xyz', 3.5, True)
print(data, struct.unpack('>IHb3sf?', data))
print(struct.pack('<qQd', -1, 2**64 - 1, -0.0), struct.unpack('<qQ', struct.pack('<qQ', -2, 2**63)))
for v in [0.0, 1.0, -2.5, 65504.0, 1e-7, 6e-8, float('inf')]:
    print(v, struct.pack('<e', v), struct.unpack('<e', struct.pack('<e', v)))
buf = bytearray(12)
struct.pack_into('<ii', buf, 4, 7, 8); print(buf, struct.unpack_from('<i', buf, 8), struct.unpack_from('<i', buf, offset=4))
print(struct.pack('@bq', 1, 2), struct.pack('=bq', 1, 2), struct.pack('!hH', -2, 2), struct.pack('3c', b'a', b'b', b'c'))
print(struct.error.__module__, issubclass(struct.error, Exception))
