package vm

// This file declares the builtin type objects and initialises them in
// dependency order. The types are package variables allocated up front so
// that every file can refer to them while the others are being built.

// The builtin types (object and type are in object.go; exceptions in
// exceptions.go).
var (
	IntType                   = &Type{}
	BoolType                  = &Type{}
	FloatType                 = &Type{}
	ComplexType               = &Type{}
	StrType                   = &Type{}
	BytesType                 = &Type{}
	ByteArrayType             = &Type{}
	TupleType                 = &Type{}
	ListType                  = &Type{}
	DictType                  = &Type{}
	SetType                   = &Type{}
	FrozenSetType             = &Type{}
	NoneType                  = &Type{}
	NotImplementedType        = &Type{}
	EllipsisType              = &Type{}
	FunctionType              = &Type{}
	CodeType                  = &Type{}
	CellType                  = &Type{}
	MethodType                = &Type{}
	BuiltinFunctionType       = &Type{}
	MethodDescriptorType      = &Type{}
	ClassMethodDescriptorType = &Type{}
	WrapperDescriptorType     = &Type{}
	MethodWrapperType         = &Type{}
	GetSetDescriptorType      = &Type{}
	MemberDescriptorType      = &Type{}
	StaticMethodType          = &Type{}
	ClassMethodType           = &Type{}
	PropertyType              = &Type{}
	ModuleType                = &Type{}
	FrameType                 = &Type{}
	TracebackType             = &Type{}
	GeneratorType             = &Type{}
	CoroutineType             = &Type{}
	CoroutineWrapperType      = &Type{}
	AsyncGeneratorType        = &Type{}
	AsyncGenASendType         = &Type{}
	AsyncGenAThrowType        = &Type{}
	AsyncGenWrappedType       = &Type{}
	RangeType                 = &Type{}
	SliceType                 = &Type{}
	SuperType                 = &Type{}
	MappingProxyType          = &Type{}
	ListIterType              = &Type{}
	ListRevIterType           = &Type{}
	TupleIterType             = &Type{}
	RangeIterType             = &Type{}
	SetIterType               = &Type{}
	SeqIterType               = &Type{}
	CallableIterType          = &Type{}
	StrIterType               = &Type{}
	DictKeysType              = &Type{}
	DictValuesType            = &Type{}
	DictItemsType             = &Type{}
	DictKeyIterType           = &Type{}
	DictValueIterType         = &Type{}
	DictItemIterType          = &Type{}
	EnumerateType             = &Type{}
	ZipType                   = &Type{}
	MapType                   = &Type{}
	FilterType                = &Type{}
	ReversedType              = &Type{}
	GenericAliasType          = &Type{}
	UnionType                 = &Type{}
	MemoryViewType            = &Type{}
	BytesIterType             = &Type{}
)

// The non-immediate singletons.
var (
	NotImplemented Value
	Ellipsis       Value
)

func init() {
	// Order matters: a type's base must be complete before the type,
	// because slots are inherited by copying, and names need str and dict.
	tags[tagFloat].typ = FloatType
	tags[tagBool].typ = BoolType
	tags[tagNone].typ = NoneType
	tags[tagNull].typ = NoneType
	for _, t := range []*Type{StrType, DictType} {
		t.typ = TypeType
	}
	StrType.layout = strLayout.info
	DictType.layout = dictLayout.info
	initStrCache()
	initObjectTypes()
	initDescriptorTypes()
	initStrType()
	initDictTypes()
	initIntType()
	initBoolType()
	initFloatType()
	initComplexType()
	initSingletonTypes()
	initTupleType()
	initListType()
	initSetTypes()
	initBytesTypes()
	initStaticClassMethodTypes()
	initPropertyType()
	initFunctionType()
	initCellAndCodeTypes()
	initFrameType()
	initTracebackType()
	initExceptionTypes()
	initGeneratorTypes()
	initModuleType()
	initIteratorTypes()
	initRangeSliceTypes()
	initSuperType()
	initMiscTypes()
	initFileTypes()
	initNamespaceType()
	listAppendMethod = methodDescriptorLayout.Must(ListType.LookupString("append")).m
}
