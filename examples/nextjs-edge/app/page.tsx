export default function Home() {
  return (
    <main>
      <h1>Identity endpoint on the edge runtime</h1>
      <p>
        <code>GET /api/intercom/identity</code> answers 200 with a signed token for the session user
        and 204 when nobody is signed in.
      </p>
    </main>
  )
}
