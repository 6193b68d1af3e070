using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MyHibachi.ApiClients;

namespace MyHibachi.UnitTests.Contracts;

/// <summary>
/// The Api, the site and the Workers share one set of request and response records (the
/// MyHibachi.Contracts namespace), so renaming a field breaks the build of every caller instead
/// of a page or an e-mail in production. These tests keep it that way.
/// </summary>
public sealed class ContractBoundaryTests
{
    private static readonly Assembly Contracts = typeof(MyHibachi.Contracts.BookingDto).Assembly;

    private static readonly Assembly Api = typeof(MyHibachi.Api.Infrastructure.Failure).Assembly;

    private static readonly Assembly Web = typeof(MyHibachi.Web.Api.AccessTokenHandler).Assembly;

    private static readonly Assembly Workers = typeof(MyHibachi.Workers.Messaging.EventConsumer).Assembly;

    /// <summary>Every endpoint handler (the static methods of the feature *Api classes).</summary>
    public static TheoryData<string> Endpoints()
    {
        var data = new TheoryData<string>();
        foreach (var method in EndpointMethods())
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Each_endpoint_reads_and_answers_only_contract_records(string endpoint)
    {
        var method = EndpointMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == endpoint);
        var bodies = method.GetParameters().Select(p => p.ParameterType).Where(IsRecord)
            .Concat(Answers(method.ReturnType));
        foreach (var type in bodies.SelectMany(Flatten).Where(t => !IsFrameworkOrPrimitive(t)))
        {
            Assert.True(type.Assembly == Contracts && type.Namespace!.StartsWith("MyHibachi.Contracts", StringComparison.Ordinal),
                $"{endpoint} uses {type.FullName}, which is not a shared contract.");
        }
    }

    [Fact]
    public void The_endpoint_list_is_not_empty()
    {
        // Guards the theory above against a rename that would leave it checking nothing.
        var count = EndpointMethods().Count();
        Assert.True(count >= 50, $"Only {count} endpoint handlers were found.");
    }

    [Fact]
    public void Neither_the_site_nor_the_workers_keep_a_copy_of_a_contract()
    {
        var contractShapes = Contracts.GetTypes().Where(t => t.Namespace == "MyHibachi.Contracts" && IsRecord(t))
            .ToDictionary(t => t, Shape);
        foreach (var local in Web.GetTypes().Concat(Workers.GetTypes()).Where(IsRecord))
        {
            var shape = Shape(local);
            if (shape.Count < 3)
            {
                continue;
            }

            var twin = contractShapes.FirstOrDefault(c => c.Value.SetEquals(shape)).Key;
            Assert.True(twin is null, $"{local.FullName} repeats the shape of the contract {twin?.Name}; use the contract.");
        }
    }

    [Fact]
    public void The_typed_clients_send_and_expect_contract_records()
    {
        foreach (var client in Contracts.GetTypes().Where(t => t.IsSubclassOf(typeof(ApiClient))))
        {
            foreach (var method in client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var types = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).SelectMany(Flatten);
                foreach (var type in types.Where(t => !IsFrameworkOrPrimitive(t) && t.Assembly != Contracts))
                {
                    Assert.Fail($"{client.Name}.{method.Name} uses {type.FullName}, which is not a contract.");
                }
            }
        }
    }

    private static IEnumerable<MethodInfo> EndpointMethods() =>
        Api.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Namespace?.StartsWith("MyHibachi.Api.Features", StringComparison.Ordinal) == true
                        && t.Name.EndsWith("Api", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.Name.StartsWith("Map", StringComparison.Ordinal) && !m.Name.StartsWith("Add", StringComparison.Ordinal)
                        && !m.IsDefined(typeof(ExtensionAttribute)) && Answers(m.ReturnType).Any());

    /// <summary>What an endpoint answers with: T of Ok&lt;T&gt;, Created&lt;T&gt; and Accepted&lt;T&gt;, inside Task and Results.</summary>
    private static IEnumerable<Type> Answers(Type returnType)
    {
        if (!returnType.IsGenericType)
        {
            return [];
        }

        var definition = returnType.GetGenericTypeDefinition();
        if (definition == typeof(Ok<>) || definition == typeof(Created<>) || definition == typeof(Accepted<>))
        {
            return returnType.GetGenericArguments();
        }

        return returnType.GetGenericArguments().SelectMany(Answers);
    }

    /// <summary>The type and every type argument inside it (PagedList&lt;BookingDto&gt;, IReadOnlyList&lt;T&gt;, arrays, nullables).</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.IsArray)
        {
            return Flatten(type.GetElementType()!);
        }

        var self = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(self) : [self];
    }

    private static bool IsFrameworkOrPrimitive(Type type) =>
        type.IsPrimitive || type.IsGenericParameter || type.Namespace is null
        || type.Namespace.StartsWith("System", StringComparison.Ordinal) || type.Namespace.StartsWith("Microsoft", StringComparison.Ordinal)
        || type == typeof(HttpContext);

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static HashSet<string> Shape(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract")
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
}
