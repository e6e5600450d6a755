# X's rows of the list table (Operations.Tests.ps1). X handles allow only letters, digits and '_', so their
# scenarios are spelled emu_list_N; IDs use the 19-digit 99SS... style. A user's posts are paged by cursor
# alone: X decides the page size (the emulator's is 20) and the service takes no count.
@{
    Rows = @(
        @{ Cmdlet = 'Get-KonbiniXPost'; Parameter = 'Username'; Style = 'underscore'; Max = 20; Type = 'XPost'; CursorOnly = $true }
        @{ Cmdlet = 'Get-KonbiniXPost'; Parameter = 'HighlightedBy'; Style = 'underscore'; Max = 100; Type = 'XPost' }
        @{ Cmdlet = 'Get-KonbiniXPost'; Parameter = 'CommunityId'; Style = 'id'; Max = 100; Type = 'XPost' }
        @{ Cmdlet = 'Get-KonbiniXPost'; Parameter = 'CommunityId'; Style = 'id'; Max = 100; Type = 'XPost'; Extra = @{ MediaOnly = $true } }
    )
}
