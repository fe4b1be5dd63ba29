using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ZoneGrowth.Tests.Architecture;

/// <summary>One use of a type by another inside one compiled assembly: who uses what, and where.</summary>
/// <param name="User">The full name of the type whose metadata holds the use (nested types as <c>Outer+Inner</c>).</param>
/// <param name="UserNamespace">The namespace the user belongs to: that of its outermost declaring type.</param>
/// <param name="Used">The full name of the type used.</param>
/// <param name="UsedNamespace">The namespace the used type belongs to: that of its outermost declaring type.</param>
/// <param name="Where">Where the use sits: a base type, a signature, an attribute, a method body.</param>
internal sealed record TypeUse(string User, string UserNamespace, string Used, string UsedNamespace, string Where)
{
    /// <summary>The use in words, for a failure message.</summary>
    public override string ToString() => $"{User} uses {Used} ({Where})";
}

/// <summary>
/// Reads every use of one of an assembly's own types by another of its types from the compiled metadata with
/// System.Reflection.Metadata, so nothing that compiles escapes it: base types and interfaces, generic constraints,
/// the signatures of fields, methods, properties and events, custom attributes with their arguments (a
/// <c>typeof(...)</c> in an attribute is stored as a type name, not a token), and method bodies (locals, catch
/// clauses and every token the IL names: calls, fields, casts, <c>typeof</c>, generic instantiations).
/// A nested type, such as the class the compiler writes for a lambda or an iterator, counts as its outermost
/// declaring type's namespace.
/// </summary>
/// <remarks>
/// What compiled code cannot show: a constant (a <c>const</c> field, an enum member) is copied into the IL where it is
/// used, and a <c>cref</c> in a doc comment is not compiled at all, so neither names its type here.
/// </remarks>
internal static class TypeUses
{
    /// <summary>Every use between two different types defined in the assembly at <paramref name="assemblyPath"/>.</summary>
    public static IReadOnlyList<TypeUse> Read(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        return new Walker(pe).Read();
    }

    /// <summary>The namespaces of the assembly's outermost types.</summary>
    public static IReadOnlySet<string> DefinedNamespaces(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        return md.TypeDefinitions.Select(md.GetTypeDefinition).Where(t => t.GetDeclaringType().IsNil).Select(t => md.GetString(t.Namespace)).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The assembly's own types that a signature, a token or an attribute argument names.</summary>
    private sealed class Found
    {
        public static readonly Found None = new([]);

        public Found(ImmutableArray<TypeDefinitionHandle> types, EntityHandle named = default, string? serializedName = null, PrimitiveTypeCode? primitive = null)
        {
            Types = types;
            Named = named;
            SerializedName = serializedName;
            Primitive = primitive;
        }

        public ImmutableArray<TypeDefinitionHandle> Types { get; }

        /// <summary>The definition or reference of a plain named type (for an enum's underlying type).</summary>
        public EntityHandle Named { get; }

        /// <summary>The name of a type as an attribute's blob writes it.</summary>
        public string? SerializedName { get; }

        public PrimitiveTypeCode? Primitive { get; }

        public static Found Of(params IEnumerable<Found> parts) => new([.. parts.SelectMany(p => p.Types)]);
    }

    private sealed class Walker : ISignatureTypeProvider<Found, object?>, ICustomAttributeTypeProvider<Found>
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly Dictionary<string, TypeDefinitionHandle> _byName = new(StringComparer.Ordinal);
        private readonly List<TypeUse> _uses = [];

        public Walker(PEReader pe)
        {
            _pe = pe;
            _md = pe.GetMetadataReader();
            foreach (var handle in _md.TypeDefinitions)
            {
                _byName[FullName(handle)] = handle;
            }
        }

        public IReadOnlyList<TypeUse> Read()
        {
            foreach (var handle in _md.TypeDefinitions)
            {
                ReadType(handle);
            }

            return _uses;
        }

        private void ReadType(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            if (!type.BaseType.IsNil)
            {
                Add(handle, FromHandle(type.BaseType), "its base type");
            }

            foreach (var implementation in type.GetInterfaceImplementations())
            {
                Add(handle, FromHandle(_md.GetInterfaceImplementation(implementation).Interface), "an interface it implements");
            }

            ReadAttributes(handle, type.GetCustomAttributes(), "an attribute on the type");
            ReadGenericParameters(handle, type.GetGenericParameters(), "a generic constraint of the type");

            foreach (var fieldHandle in type.GetFields())
            {
                var field = _md.GetFieldDefinition(fieldHandle);
                string where = $"field {_md.GetString(field.Name)}";
                Add(handle, field.DecodeSignature(this, null), $"the type of {where}");
                ReadAttributes(handle, field.GetCustomAttributes(), $"an attribute on {where}");
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = _md.GetPropertyDefinition(propertyHandle);
                string where = $"property {_md.GetString(property.Name)}";
                var signature = property.DecodeSignature(this, null);
                Add(handle, Found.Of([signature.ReturnType, .. signature.ParameterTypes]), $"the type of {where}");
                ReadAttributes(handle, property.GetCustomAttributes(), $"an attribute on {where}");
            }

            foreach (var eventHandle in type.GetEvents())
            {
                var @event = _md.GetEventDefinition(eventHandle);
                string where = $"event {_md.GetString(@event.Name)}";
                Add(handle, FromHandle(@event.Type), $"the type of {where}");
                ReadAttributes(handle, @event.GetCustomAttributes(), $"an attribute on {where}");
            }

            foreach (var methodHandle in type.GetMethods())
            {
                ReadMethod(handle, methodHandle);
            }
        }

        private void ReadMethod(TypeDefinitionHandle owner, MethodDefinitionHandle handle)
        {
            var method = _md.GetMethodDefinition(handle);
            string name = _md.GetString(method.Name);
            var signature = method.DecodeSignature(this, null);
            Add(owner, Found.Of([signature.ReturnType, .. signature.ParameterTypes]), $"the signature of {name}");
            ReadAttributes(owner, method.GetCustomAttributes(), $"an attribute on {name}");
            ReadGenericParameters(owner, method.GetGenericParameters(), $"a generic constraint of {name}");
            foreach (var parameter in method.GetParameters())
            {
                ReadAttributes(owner, _md.GetParameter(parameter).GetCustomAttributes(), $"an attribute on a parameter of {name}");
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            string inBody = $"the body of {name}";
            if (!body.LocalSignature.IsNil)
            {
                Add(owner, FromHandle(body.LocalSignature), inBody);
            }

            foreach (var region in body.ExceptionRegions)
            {
                if (!region.CatchType.IsNil)
                {
                    Add(owner, FromHandle(region.CatchType), inBody);
                }
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                byte first = il.ReadByte();
                short value = first == 0xFE ? unchecked((short)(0xFE00 | il.ReadByte())) : first;
                var opCode = OpCodesByValue[value];
                switch (opCode.OperandType)
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineSig:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        Add(owner, FromHandle(MetadataTokens.EntityHandle(il.ReadInt32())), inBody);
                        break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    default:
                        il.Offset += 4; // branch targets, 32-bit numbers and strings
                        break;
                }
            }
        }

        private void ReadGenericParameters(TypeDefinitionHandle owner, GenericParameterHandleCollection parameters, string where)
        {
            foreach (var parameter in parameters)
            {
                foreach (var constraint in _md.GetGenericParameter(parameter).GetConstraints())
                {
                    Add(owner, FromHandle(_md.GetGenericParameterConstraint(constraint).Type), where);
                }
            }
        }

        private void ReadAttributes(TypeDefinitionHandle owner, CustomAttributeHandleCollection attributes, string where)
        {
            foreach (var attributeHandle in attributes)
            {
                var attribute = _md.GetCustomAttribute(attributeHandle);
                Add(owner, FromHandle(attribute.Constructor), where);
                var value = attribute.DecodeValue(this);
                foreach (var argument in value.FixedArguments)
                {
                    Add(owner, FromArgument(argument.Type, argument.Value), $"an argument of {where}");
                }

                foreach (var argument in value.NamedArguments)
                {
                    Add(owner, FromArgument(argument.Type, argument.Value), $"an argument of {where}");
                }
            }
        }

        private static Found FromArgument(Found type, object? value) => value switch
        {
            Found named => Found.Of(type, named),
            ImmutableArray<CustomAttributeTypedArgument<Found>> items => Found.Of([type, .. items.Select(i => FromArgument(i.Type, i.Value))]),
            _ => type,
        };

        /// <summary>The assembly's own types a metadata token names: a type, a member's declaring type and signature, a signature.</summary>
        private Found FromHandle(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return new([(TypeDefinitionHandle)handle], handle);
                case HandleKind.TypeReference:
                    return GetTypeFromReference(_md, (TypeReferenceHandle)handle, 0);
                case HandleKind.TypeSpecification:
                    return GetTypeFromSpecification(_md, null, (TypeSpecificationHandle)handle, 0);
                case HandleKind.MethodDefinition:
                    return new([_md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()]);
                case HandleKind.FieldDefinition:
                    return new([_md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()]);
                case HandleKind.MemberReference:
                {
                    var member = _md.GetMemberReference((MemberReferenceHandle)handle);
                    if (member.GetKind() == MemberReferenceKind.Field)
                    {
                        return Found.Of(FromHandle(member.Parent), member.DecodeFieldSignature(this, null));
                    }

                    var signature = member.DecodeMethodSignature(this, null);
                    return Found.Of([FromHandle(member.Parent), signature.ReturnType, .. signature.ParameterTypes]);
                }

                case HandleKind.MethodSpecification:
                {
                    var specification = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return Found.Of([FromHandle(specification.Method), .. specification.DecodeSignature(this, null)]);
                }

                case HandleKind.StandaloneSignature:
                {
                    var standalone = _md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (standalone.GetKind() == StandaloneSignatureKind.LocalVariables)
                    {
                        return Found.Of(standalone.DecodeLocalSignature(this, null));
                    }

                    var signature = standalone.DecodeMethodSignature(this, null);
                    return Found.Of([signature.ReturnType, .. signature.ParameterTypes]);
                }

                default:
                    throw new InvalidOperationException($"A metadata token of kind {handle.Kind} where a type or member was expected.");
            }
        }

        private void Add(TypeDefinitionHandle user, Found found, string where)
        {
            foreach (var used in found.Types.Distinct())
            {
                if (used != user)
                {
                    _uses.Add(new TypeUse(FullName(user), OuterNamespace(user), FullName(used), OuterNamespace(used), where));
                }
            }
        }

        private string FullName(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            string name = _md.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return $"{FullName(declaring)}+{name}";
            }

            string space = _md.GetString(type.Namespace);
            return space.Length == 0 ? name : $"{space}.{name}";
        }

        private string OuterNamespace(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            var declaring = type.GetDeclaringType();
            return declaring.IsNil ? _md.GetString(type.Namespace) : OuterNamespace(declaring);
        }

        private string ReferenceName(TypeReferenceHandle handle)
        {
            var reference = _md.GetTypeReference(handle);
            string name = _md.GetString(reference.Name);
            if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return $"{ReferenceName((TypeReferenceHandle)reference.ResolutionScope)}+{name}";
            }

            string space = _md.GetString(reference.Namespace);
            return space.Length == 0 ? name : $"{space}.{name}";
        }

        private string AssemblyOf(TypeReferenceHandle handle)
        {
            var scope = _md.GetTypeReference(handle).ResolutionScope;
            return scope.Kind switch
            {
                HandleKind.TypeReference => AssemblyOf((TypeReferenceHandle)scope),
                HandleKind.AssemblyReference => _md.GetAssemblyReference((AssemblyReferenceHandle)scope).GetAssemblyName().FullName,
                _ => _md.GetAssemblyDefinition().GetAssemblyName().FullName,
            };
        }

        // ISignatureTypeProvider: a composite type names the types of its parts.
        public Found GetArrayType(Found elementType, ArrayShape shape) => Found.Of(elementType);

        public Found GetByReferenceType(Found elementType) => Found.Of(elementType);

        public Found GetFunctionPointerType(MethodSignature<Found> signature) => Found.Of([signature.ReturnType, .. signature.ParameterTypes]);

        public Found GetGenericInstantiation(Found genericType, ImmutableArray<Found> typeArguments) => Found.Of([genericType, .. typeArguments]);

        public Found GetGenericMethodParameter(object? genericContext, int index) => Found.None;

        public Found GetGenericTypeParameter(object? genericContext, int index) => Found.None;

        public Found GetModifiedType(Found modifier, Found unmodifiedType, bool isRequired) => Found.Of(modifier, unmodifiedType);

        public Found GetPinnedType(Found elementType) => Found.Of(elementType);

        public Found GetPointerType(Found elementType) => Found.Of(elementType);

        public Found GetPrimitiveType(PrimitiveTypeCode typeCode) => new([], primitive: typeCode);

        public Found GetSZArrayType(Found elementType) => Found.Of(elementType);

        public Found GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => new([handle], handle);

        public Found GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            // A reference into this very assembly (a compiler may write one) names its definition.
            AssemblyOf(handle) == _md.GetAssemblyDefinition().GetAssemblyName().FullName && _byName.TryGetValue(ReferenceName(handle), out var definition)
                ? new([definition], definition)
                : new([], handle);

        public Found GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        // ICustomAttributeTypeProvider: attribute blobs name types by their serialized names.
        public Found GetSystemType() => new([], serializedName: typeof(Type).FullName);

        public bool IsSystemType(Found type) =>
            type.SerializedName == typeof(Type).FullName
            || (type.Named.Kind == HandleKind.TypeReference && ReferenceName((TypeReferenceHandle)type.Named) == typeof(Type).FullName);

        public Found GetTypeFromSerializedName(string name)
        {
            // "Namespace.Outer+Inner, Assembly, Version=…", generic arguments in [[…]]: every part that is one of this
            // assembly's type names counts (an unqualified name is this assembly's or the core library's).
            var types = name.Split(['[', ']', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(_byName.ContainsKey)
                .Select(part => _byName[part]);
            return new([.. types], serializedName: name);
        }

        public PrimitiveTypeCode GetUnderlyingEnumType(Found type)
        {
            if (type.Named.Kind == HandleKind.TypeDefinition || (type.SerializedName is { } own && _byName.ContainsKey(own)))
            {
                var definition = _md.GetTypeDefinition(type.Named.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.Named : _byName[type.SerializedName!]);
                var valueField = definition.GetFields().Select(_md.GetFieldDefinition).Single(f => (f.Attributes & FieldAttributes.Static) == 0);
                return valueField.DecodeSignature(this, null).Primitive
                    ?? throw new InvalidOperationException($"The enum {_md.GetString(definition.Name)} has no primitive underlying type.");
            }

            // An enum of another assembly: that assembly is loaded beside the tests, so the runtime knows it.
            string qualified = type.Named.Kind == HandleKind.TypeReference
                ? $"{ReferenceName((TypeReferenceHandle)type.Named)}, {AssemblyOf((TypeReferenceHandle)type.Named)}"
                : type.SerializedName ?? throw new InvalidOperationException("An attribute argument's enum type has no name.");
            return Type.GetTypeCode(Enum.GetUnderlyingType(Type.GetType(qualified, throwOnError: true)!)) switch
            {
                TypeCode.SByte => PrimitiveTypeCode.SByte,
                TypeCode.Byte => PrimitiveTypeCode.Byte,
                TypeCode.Int16 => PrimitiveTypeCode.Int16,
                TypeCode.UInt16 => PrimitiveTypeCode.UInt16,
                TypeCode.Int32 => PrimitiveTypeCode.Int32,
                TypeCode.UInt32 => PrimitiveTypeCode.UInt32,
                TypeCode.Int64 => PrimitiveTypeCode.Int64,
                TypeCode.UInt64 => PrimitiveTypeCode.UInt64,
                var other => throw new InvalidOperationException($"The enum {qualified} has the underlying type {other}."),
            };
        }
    }
}
