package socket

// The _socket module: constants, name resolution, socketpair.

import (
	"context"
	"encoding/binary"
	"net"
	"os"
	"sort"
	"strconv"

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

func ipString(b []byte) string {
	return net.IP(b).String()
}

// resolveHost turns a host string into an address of the family, as
// CPython's setipaddr does: "" is INADDR_ANY, "<broadcast>", numeric
// addresses, else a name lookup (without the GIL).
func resolveHost(th *vm.Thread, host string, family int) (net.IP, error) {
	switch host {
	case "":
		if family == unix.AF_INET6 {
			return net.IPv6unspecified, nil
		}
		return net.IPv4zero, nil
	case "<broadcast>", "255.255.255.255":
		if family == unix.AF_INET {
			return net.IPv4bcast, nil
		}
	}
	if ip := net.ParseIP(host); ip != nil {
		if family == unix.AF_INET && ip.To4() == nil {
			return nil, gaiErr(-9)
		}
		return ip, nil
	}
	ips, err := lookup(th, host)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if (family == unix.AF_INET) == (ip.To4() != nil) {
			return ip, nil
		}
	}
	return nil, gaiErr(-2)
}

// Error codes of getaddrinfo (glibc's values and messages).
var gaiMessages = map[int]string{
	-2:  "Name or service not known",
	-3:  "Temporary failure in name resolution",
	-5:  "No address associated with hostname",
	-6:  "ai_family not supported",
	-7:  "ai_socktype not supported",
	-8:  "Servname not supported for ai_socktype",
	-9:  "Address family for hostname not supported",
	-4:  "Non-recoverable failure in name resolution",
	-10: "Memory allocation failure",
	-11: "System error",
}

func gaiErr(code int) error {
	msg := gaiMessages[code]
	if msg == "" {
		msg = "Unknown error"
	}
	return vm.NewException(gaiError, vm.MakeInt(int64(code)), vm.MakeStr(msg))
}

func lookup(th *vm.Thread, host string) ([]net.IP, error) {
	var addrs []net.IPAddr
	var err error
	th.Blocking(func() {
		addrs, err = net.DefaultResolver.LookupIPAddr(context.Background(), host)
	})
	if err != nil {
		if dnsErr, ok := err.(*net.DNSError); ok && dnsErr.IsTemporary {
			return nil, gaiErr(-3)
		}
		return nil, gaiErr(-2)
	}
	ips := make([]net.IP, len(addrs))
	for i, a := range addrs {
		ips[i] = a.IP
	}
	// getaddrinfo lists IPv4 addresses first for names like localhost
	// whose /etc/hosts entries give both.
	sort.SliceStable(ips, func(i, j int) bool { return ips[i].To4() != nil && ips[j].To4() == nil })
	return ips, nil
}

const (
	aiPassive     = 0x1
	aiCanonName   = 0x2
	aiNumericHost = 0x4
	aiNumericServ = 0x400
)

var services = map[string]int{"http": 80, "https": 443, "ftp": 21, "ssh": 22, "smtp": 25, "domain": 53, "echo": 7}

func getaddrinfo(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var hostV, portV, famV, typV, protoV, flagsV vm.Value = vm.Null, vm.Null, vm.MakeInt(0), vm.MakeInt(0), vm.MakeInt(0), vm.MakeInt(0)
	if err := vm.UnpackArgs("getaddrinfo", args, kw, "host", &hostV, "port", &portV, "family?", &famV, "type?", &typV, "proto?", &protoV, "flags?", &flagsV); err != nil {
		return vm.Null, err
	}
	family, err := intArg(th, famV)
	if err != nil {
		return vm.Null, err
	}
	stype, err := intArg(th, typV)
	if err != nil {
		return vm.Null, err
	}
	proto, err := intArg(th, protoV)
	if err != nil {
		return vm.Null, err
	}
	flags, err := intArg(th, flagsV)
	if err != nil {
		return vm.Null, err
	}
	port := 0
	switch {
	case portV.IsNone():
	case vm.IsInt(portV):
		p, err := intArg(th, portV)
		if err != nil {
			return vm.Null, err
		}
		port = p
	default:
		var ps string
		if s, ok := vm.AsStr(portV); ok {
			ps = s.String()
		} else if b, ok := vm.AsBytesLike(portV); ok {
			ps = string(b)
		} else {
			return vm.Null, vm.Errorf(vm.OSError, "Int or String expected")
		}
		if n, err := strconv.Atoi(ps); err == nil {
			port = n
		} else if n, ok := services[ps]; ok && flags&aiNumericServ == 0 {
			port = n
		} else {
			return vm.Null, gaiErr(-8)
		}
	}
	var ips []net.IP
	switch {
	case hostV.IsNone():
		if flags&aiPassive != 0 {
			ips = []net.IP{net.IPv4zero, net.IPv6unspecified}
		} else {
			ips = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
		}
	default:
		var host string
		if s, ok := vm.AsStr(hostV); ok {
			host = s.String()
		} else if b, ok := vm.AsBytesLike(hostV); ok {
			host = string(b)
		} else {
			return vm.Null, vm.Errorf(vm.TypeError, "getaddrinfo() argument 1 must be string or None")
		}
		if ip := net.ParseIP(host); ip != nil {
			ips = []net.IP{ip}
		} else if flags&aiNumericHost != 0 {
			return vm.Null, gaiErr(-2)
		} else if host == "" {
			return vm.Null, gaiErr(-2)
		} else {
			if ips, err = lookup(th, host); err != nil {
				return vm.Null, err
			}
		}
	}
	type kind struct{ t, p int }
	var kinds []kind
	for _, k := range []kind{{unix.SOCK_STREAM, unix.IPPROTO_TCP}, {unix.SOCK_DGRAM, unix.IPPROTO_UDP}, {unix.SOCK_RAW, 0}} {
		if stype != 0 && stype != k.t {
			continue
		}
		if proto != 0 && k.p != 0 && proto != k.p {
			continue
		}
		p := k.p
		if proto != 0 {
			p = proto
		}
		kinds = append(kinds, kind{k.t, p})
	}
	if len(kinds) == 0 && stype != 0 {
		kinds = []kind{{stype, proto}}
	}
	var out []vm.Value
	for _, ip := range ips {
		fam := unix.AF_INET6
		if ip.To4() != nil {
			fam = unix.AF_INET
		}
		if family != 0 && family != fam {
			continue
		}
		var addr vm.Value
		if fam == unix.AF_INET {
			addr = vm.NewTuple(vm.MakeStr(ip.To4().String()), vm.MakeInt(int64(port))).Value()
		} else {
			addr = vm.NewTuple(vm.MakeStr(ip.String()), vm.MakeInt(int64(port)), vm.MakeInt(0), vm.MakeInt(0)).Value()
		}
		for _, k := range kinds {
			out = append(out, vm.NewTuple(vm.MakeInt(int64(fam)), vm.MakeInt(int64(k.t)), vm.MakeInt(int64(k.p)), vm.MakeStr(""), addr).Value())
		}
	}
	if len(out) == 0 {
		if family != 0 && family != unix.AF_INET && family != unix.AF_INET6 && family != unix.AF_UNSPEC {
			return vm.Null, gaiErr(-6)
		}
		return vm.Null, gaiErr(-9)
	}
	return vm.NewList(out).Value(), nil
}

func constants() map[string]int {
	return map[string]int{
		"AF_UNSPEC": unix.AF_UNSPEC, "AF_INET": unix.AF_INET, "AF_INET6": unix.AF_INET6, "AF_UNIX": unix.AF_UNIX,
		"SOCK_STREAM": unix.SOCK_STREAM, "SOCK_DGRAM": unix.SOCK_DGRAM, "SOCK_RAW": unix.SOCK_RAW,
		"SOCK_SEQPACKET": unix.SOCK_SEQPACKET, "SOCK_NONBLOCK": unix.SOCK_NONBLOCK, "SOCK_CLOEXEC": unix.SOCK_CLOEXEC,
		"SOL_SOCKET": unix.SOL_SOCKET, "SO_REUSEADDR": unix.SO_REUSEADDR, "SO_REUSEPORT": unix.SO_REUSEPORT,
		"SO_KEEPALIVE": unix.SO_KEEPALIVE, "SO_BROADCAST": unix.SO_BROADCAST, "SO_ERROR": unix.SO_ERROR,
		"SO_TYPE": unix.SO_TYPE, "SO_RCVBUF": unix.SO_RCVBUF, "SO_SNDBUF": unix.SO_SNDBUF, "SO_LINGER": unix.SO_LINGER,
		"SO_RCVLOWAT": unix.SO_RCVLOWAT, "SO_SNDLOWAT": unix.SO_SNDLOWAT, "SO_ACCEPTCONN": unix.SO_ACCEPTCONN,
		"SOMAXCONN":  4096,
		"IPPROTO_IP": unix.IPPROTO_IP, "IPPROTO_TCP": unix.IPPROTO_TCP, "IPPROTO_UDP": unix.IPPROTO_UDP,
		"IPPROTO_IPV6": unix.IPPROTO_IPV6, "IPPROTO_ICMP": unix.IPPROTO_ICMP, "IPPROTO_RAW": unix.IPPROTO_RAW,
		"IPV6_V6ONLY": unix.IPV6_V6ONLY, "IP_TTL": unix.IP_TTL, "IP_MULTICAST_TTL": unix.IP_MULTICAST_TTL,
		"TCP_NODELAY": unix.TCP_NODELAY, "TCP_KEEPIDLE": unix.TCP_KEEPIDLE, "TCP_KEEPINTVL": unix.TCP_KEEPINTVL,
		"TCP_KEEPCNT": unix.TCP_KEEPCNT,
		"SHUT_RD":     unix.SHUT_RD, "SHUT_WR": unix.SHUT_WR, "SHUT_RDWR": unix.SHUT_RDWR,
		"MSG_PEEK": unix.MSG_PEEK, "MSG_DONTWAIT": unix.MSG_DONTWAIT, "MSG_WAITALL": unix.MSG_WAITALL,
		"MSG_OOB": unix.MSG_OOB, "MSG_NOSIGNAL": unix.MSG_NOSIGNAL,
		"AI_PASSIVE": aiPassive, "AI_CANONNAME": aiCanonName, "AI_NUMERICHOST": aiNumericHost,
		"AI_NUMERICSERV": aiNumericServ, "AI_ADDRCONFIG": 0x20, "AI_V4MAPPED": 0x8, "AI_ALL": 0x10,
		"NI_NUMERICHOST": 1, "NI_NUMERICSERV": 2, "NI_NOFQDN": 4, "NI_NAMEREQD": 8, "NI_DGRAM": 16,
		"EAI_NONAME": -2, "EAI_AGAIN": -3, "EAI_FAIL": -4, "EAI_FAMILY": -6, "EAI_SOCKTYPE": -7,
		"EAI_SERVICE": -8, "EAI_ADDRFAMILY": -9,
		"INADDR_ANY": 0, "INADDR_LOOPBACK": 0x7f000001, "INADDR_BROADCAST": -1 & 0xffffffff,
		"has_ipv6": 1,
	}
}

func initModule(th *vm.Thread, m *vm.Module) error {
	if SocketType == nil {
		initSocketType()
		timeoutErr = vm.TimeoutError
		gaiError = vm.NewBuiltinType(vm.TypeSpec{Name: "gaierror", Module: "socket", Base: vm.OSError})
		hError = vm.NewBuiltinType(vm.TypeSpec{Name: "herror", Module: "socket", Base: vm.OSError})
	}
	m.AddType(SocketType)
	m.Set("SocketType", SocketType.Value())
	m.Set("error", vm.OSError.Value())
	m.Set("timeout", vm.TimeoutError.Value())
	m.Set("gaierror", gaiError.Value())
	m.Set("herror", hError.Value())
	for k, v := range constants() {
		if k == "has_ipv6" {
			m.Set(k, vm.True)
			continue
		}
		m.Set(k, vm.MakeInt(int64(v)))
	}
	m.AddFunc("getaddrinfo", getaddrinfo)
	m.AddFunc("gethostname", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		h, err := os.Hostname()
		if err != nil {
			return vm.Null, OSError(err)
		}
		return vm.MakeStr(h), nil
	})
	m.AddFunc("gethostbyname", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "gethostbyname() takes exactly one argument (%d given)", len(args))
		}
		s, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "gethostbyname() argument 1 must be str, not %s", vm.TypeName(args[0]))
		}
		ip, err := resolveHost(th, s.String(), unix.AF_INET)
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeStr(ip.To4().String()), nil
	})
	m.AddFunc("getdefaulttimeout", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if defaultTimeout < 0 {
			return vm.None, nil
		}
		return vm.MakeFloat(defaultTimeout), nil
	})
	m.AddFunc("setdefaulttimeout", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "setdefaulttimeout() takes exactly one argument (%d given)", len(args))
		}
		t, err := timeoutValue(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		defaultTimeout = t
		return vm.None, nil
	})
	m.AddFunc("socketpair", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var famV, typV, protoV vm.Value = vm.MakeInt(unix.AF_UNIX), vm.MakeInt(unix.SOCK_STREAM), vm.MakeInt(0)
		if err := vm.UnpackArgs("socketpair", args, kw, "family?", &famV, "type?", &typV, "proto?", &protoV); err != nil {
			return vm.Null, err
		}
		fam, err := intArg(th, famV)
		if err != nil {
			return vm.Null, err
		}
		typ, err := intArg(th, typV)
		if err != nil {
			return vm.Null, err
		}
		proto, err := intArg(th, protoV)
		if err != nil {
			return vm.Null, err
		}
		fds, err := unix.Socketpair(fam, typ|unix.SOCK_CLOEXEC, proto)
		if err != nil {
			return vm.Null, OSError(err)
		}
		a := newSocket(SocketType, fds[0], fam, typ, proto)
		b := newSocket(SocketType, fds[1], fam, typ, proto)
		if defaultTimeout >= 0 {
			_ = a.setTimeout(defaultTimeout)
			_ = b.setTimeout(defaultTimeout)
		}
		return vm.NewTuple(a.Value(), b.Value()).Value(), nil
	})
	u16 := func(name string, f func(uint16) uint16) {
		m.AddFunc(name, func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
			}
			n, err := vm.AsInt64(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			if n < 0 || n > 0xffff {
				return vm.Null, vm.Errorf(vm.OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name)
			}
			return vm.MakeInt(int64(f(uint16(n)))), nil
		})
	}
	swap16 := func(x uint16) uint16 { return x<<8 | x>>8 }
	u16("htons", swap16)
	u16("ntohs", swap16)
	u32 := func(name string) {
		m.AddFunc(name, func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
			}
			n, err := vm.AsInt64(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			var b [4]byte
			binary.BigEndian.PutUint32(b[:], uint32(n))
			return vm.MakeInt(int64(binary.LittleEndian.Uint32(b[:]))), nil
		})
	}
	u32("htonl")
	u32("ntohl")
	m.AddFunc("inet_aton", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "inet_aton() takes exactly one argument (%d given)", len(args))
		}
		s, ok := vm.AsStr(args[0])
		ip := net.ParseIP("")
		if ok {
			ip = net.ParseIP(s.String())
		}
		if ip == nil || ip.To4() == nil {
			return vm.Null, vm.Errorf(vm.OSError, "illegal IP address string passed to inet_aton")
		}
		return vm.NewBytes([]byte(ip.To4())).Value(), nil
	})
	m.AddFunc("inet_ntoa", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "inet_ntoa() takes exactly one argument (%d given)", len(args))
		}
		b, ok := vm.AsBytesLike(args[0])
		if !ok || len(b) != 4 {
			return vm.Null, vm.Errorf(vm.OSError, "packed IP wrong length for inet_ntoa")
		}
		return vm.MakeStr(net.IP(b).String()), nil
	})
	m.AddFunc("inet_pton", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "inet_pton expected 2 arguments, got %d", len(args))
		}
		fam, err := intArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		s, _ := vm.AsStr(args[1])
		var ip net.IP
		if s != nil {
			ip = net.ParseIP(s.String())
		}
		if ip == nil || (fam == unix.AF_INET && ip.To4() == nil) {
			return vm.Null, vm.Errorf(vm.OSError, "illegal IP address string passed to inet_pton")
		}
		if fam == unix.AF_INET {
			return vm.NewBytes([]byte(ip.To4())).Value(), nil
		}
		return vm.NewBytes([]byte(ip.To16())).Value(), nil
	})
	m.AddFunc("inet_ntop", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "inet_ntop expected 2 arguments, got %d", len(args))
		}
		b, ok := vm.AsBytesLike(args[1])
		if !ok || (len(b) != 4 && len(b) != 16) {
			return vm.Null, vm.Errorf(vm.ValueError, "invalid length of packed IP address string")
		}
		return vm.MakeStr(net.IP(b).String()), nil
	})
	return nil
}
