use super::*;

#[test]
fn audiences_parse_from_the_command_line() {
    assert_eq!("board".parse(), Ok(Audience::Board));
    assert_eq!("everyone".parse(), Ok(Audience::Everyone));
    assert_eq!(
        "seller:Anna Lind".parse(),
        Ok(Audience::Seller("Anna Lind".into()))
    );
    assert_eq!("team:syd".parse(), Ok(Audience::Team("syd".into())));
    assert_eq!(
        "seller:".parse::<Audience>(),
        Err("\"seller:\" names no seller, expected seller:ID or seller:NAME".into())
    );
    assert_eq!(
        "ceo".parse::<Audience>(),
        Err("\"ceo\" is not an audience, expected board, seller:ID, team:ID or everyone".into())
    );
}
