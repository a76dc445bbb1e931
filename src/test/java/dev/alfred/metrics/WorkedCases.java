package dev.alfred.metrics;

/**
 * The worked example the definition tests use, as the CSV a team would upload. January 2026: A on
 * a yearly plan (1200/12 = 100), B on a quarterly plan of 2 seats (150*2/3 = 100), C with a forever
 * 20% discount (80), D with a finite one (100), E in trial until 15 February, F on a free plan, G
 * and H at 100. March: A adds 50 (expansion), G moves down to 60 (contraction), H leaves (churn),
 * J joins and leaves within the month. May: H comes back at 70 (reactivation).
 */
final class WorkedCases {

    private WorkedCases() {}

    static final String SUBSCRIPTIONS = """
            customer_id,customer_name,segment,channel,plan,amount,interval,quantity,discount_pct,discount_forever,trial_end,start_date,end_date,extra
            A,Acme,smb,ads,pro,1200,year,1,,,,2026-01-10,,ignored
            A,Acme,smb,ads,addon,50,month,1,,,,2026-03-01,,
            B,Beta,mid,partner,team,150,quarter,2,0,false,,2026-01-15,,
            C,Cool,smb,ads,pro,100,month,1,20,true,,2026-01-01,,
            D,Dino,smb,partner,pro,100,month,1,20,false,,2026-01-01,,
            E,Echo,smb,ads,pro,50,month,1,,,2026-02-15,2026-01-05,,
            F,Free,smb,ads,free,0,month,1,,,,2026-01-01,,
            G,Gamma,smb,partner,pro,100,month,1,,,,2026-01-01,2026-03-15,
            G,Gamma,smb,partner,basic,60,month,1,,,,2026-03-15,,
            H,Hotel,smb,ads,pro,100,month,1,,,,2026-01-01,2026-03-20,
            H,Hotel,smb,ads,pro,70,month,1,,,,2026-05-02,,
            J,Juliet,smb,ads,pro,100,month,1,,,,2026-03-03,2026-03-25,
            """;

    static final String EXPENSES = """
            date,category,channel,amount
            2026-01-05,sales,ads,600
            2026-01-20,marketing,partner,300
            2026-01-25,cogs,,1000
            2026-02-10,marketing,ads,100
            """;

    static final String PROJECTS = """
            project,customer_id,value,status,completed_date
            P1,A,5000,completed,2026-02-10
            P2,B,3000,completed,2026-03-31
            P3,C,1000,active,
            P4,D,2000,completed,2026-04-01
            """;

    static final String STRATEGIC = """
            key,value
            gross_margin_pct,80
            market_size,1000000
            """;
}
