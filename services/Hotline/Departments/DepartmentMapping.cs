using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Google.Protobuf.WellKnownTypes;
using DepartmentMessage = Civic.Contracts.Hotline.V1.Department;

namespace Civic.Hotline.Departments;

/// <summary>Between civic.hotline.v1 messages and the department domain.</summary>
public static class DepartmentMapping
{
    public static DepartmentMessage ToMessage(Department department) => new()
    {
        Id = department.Id,
        Code = department.Code,
        Name = new LocalizedText { Da = department.NameDa, En = department.NameEn },
        DirectorName = department.DirectorName,
        Topics = { department.Topics },
        DeputyNames = { department.DeputyNames },
        TakesUnsureCitizens = department.TakesUnsureCitizens,
        ContactEmail = department.ContactEmail ?? string.Empty,
        CreatedAt = Timestamp.FromDateTimeOffset(department.CreatedAt),
    };

    public static NewDepartment ToNewDepartment(CreateDepartmentRequest request) => new(
        request.Code,
        request.Name?.Da ?? string.Empty,
        request.Name?.En ?? string.Empty,
        request.DirectorName,
        request.Topics,
        request.DeputyNames,
        request.TakesUnsureCitizens,
        request.ContactEmail);
}
